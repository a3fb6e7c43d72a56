package org.habarshy.desktop.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a size such as {@code 268435456}, {@code 512KiB}, {@code 64MiB} or {@code 1GiB} (K/M/G = powers of 1024). */
final class ByteSize implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,15})\\s*(|B|K|KB|KIB|M|MB|MIB|G|GB|GIB)");
    private static final long MAX = 1L << 50;

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size; use bytes or a unit: 512KiB, 64MiB, 1GiB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2);
        int shift = unit.startsWith("K") ? 10 : unit.startsWith("M") ? 20 : unit.startsWith("G") ? 30 : 0;
        if (n <= 0 || n > (MAX >> shift)) {
            throw new TypeConversionException("size out of range: '" + value + "'");
        }
        return n << shift;
    }
}
