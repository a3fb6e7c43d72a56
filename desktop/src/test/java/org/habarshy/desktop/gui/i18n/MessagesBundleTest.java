package org.habarshy.desktop.gui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.desktop.gui.model.Language;
import org.habarshy.desktop.gui.model.MessageRow;
import org.habarshy.desktop.gui.model.Theme;
import org.junit.jupiter.api.Test;

/** The three bundles: same keys, valid patterns, no mixed scripts, and Kazakh spelled with Kazakh letters. */
class MessagesBundleTest {
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");

    private static ResourceBundle bundle(Language language) {
        return Texts.bundle(language.locale());
    }

    private static Set<String> keys(Language language) {
        return new TreeSet<>(Collections.list(bundle(language).getKeys()));
    }

    @Test
    void everyKeyIsInAllThreeBundles() {
        Set<String> en = keys(Language.EN);
        assertThat(en).hasSizeGreaterThan(100);
        assertThat(keys(Language.KK)).isEqualTo(en);
        assertThat(keys(Language.RU)).isEqualTo(en);
    }

    @Test
    void bundlesAreTheirOwnLanguageNotAFallback() {
        assertThat(bundle(Language.KK).getLocale()).isEqualTo(Locale.forLanguageTag("kk"));
        assertThat(bundle(Language.RU).getLocale()).isEqualTo(Locale.forLanguageTag("ru"));
        assertThat(bundle(Language.EN).getLocale()).isEqualTo(Locale.forLanguageTag("en"));
        assertThat(Texts.of(Language.KK).text("tab.settings")).isEqualTo("Баптаулар");
    }

    @Test
    void keysBuiltFromEnumsExist() {
        for (Language language : Language.values()) {
            Texts texts = Texts.of(language);
            for (MessageState state : MessageState.values()) {
                assertThat(texts.has(MessageRow.stateKey(state))).as("%s in %s", state, language).isTrue();
            }
            for (Theme theme : Theme.values()) {
                assertThat(texts.has("theme." + theme.name())).as("%s in %s", theme, language).isTrue();
            }
            for (Language name : Language.values()) {
                assertThat(texts.has("language." + name.tag())).isTrue();
            }
        }
    }

    @Test
    void patternsWithArgumentsFormatAndUseTheSameArgumentsInEveryLanguage() {
        for (String key : keys(Language.EN)) {
            Set<String> expected = arguments(bundle(Language.EN).getString(key));
            for (Language language : Language.values()) {
                String pattern = bundle(language).getString(key);
                assertThat(arguments(pattern)).as("arguments of %s in %s", key, language).isEqualTo(expected);
                if (!expected.isEmpty()) {
                    Object[] args = {2, "Бақыт", 3};
                    assertThat(new MessageFormat(pattern, language.locale()).format(args)).as(key).isNotBlank();
                }
            }
        }
    }

    private static Set<String> arguments(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d)").matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void noWordMixesLatinAndCyrillicLetters() {
        List<String> mixed = new ArrayList<>();
        for (Language language : Language.values()) {
            ResourceBundle b = bundle(language);
            for (String key : Collections.list(b.getKeys())) {
                Matcher words = WORD.matcher(Mnemonic.strip(b.getString(key)));
                while (words.find()) {
                    String w = words.group();
                    if (CYRILLIC.matcher(w).find() && LATIN.matcher(w).find()) {
                        mixed.add(language + " " + key + ": " + w);
                    }
                }
            }
        }
        assertThat(mixed).isEmpty();
    }

    @Test
    void kazakhUsesKazakhLettersWhereWordsNeedThem() {
        StringBuilder all = new StringBuilder();
        ResourceBundle kk = bundle(Language.KK);
        for (String key : Collections.list(kk.getKeys())) {
            all.append(Mnemonic.strip(kk.getString(key))).append('\n');
        }
        String text = all.toString().toLowerCase(Locale.ROOT);
        // Each Kazakh-specific letter our texts need is there (һ is only in loanwords, none of which we use).
        for (char letter : "әғқңөұүі".toCharArray()) {
            assertThat(text).as("Kazakh letter %s", letter).contains(String.valueOf(letter));
        }
        // Words that need Kazakh letters, spelled right; and their Russified misspellings absent.
        List<String> words = List.of("хабар", "жіберу", "құпия", "кілт", "қосу", "көшіру", "желі", "түйін",
                "қауіпсіздік", "нөмір", "баптаулар", "сөйлесулер", "сақтау", "өлшемі", "әзірге", "жаңа", "қалтасы",
                "іздеу", "жою", "тақтасындағы", "ұзын", "жеткізілді", "көршіге");
        for (String word : words) {
            assertThat(text).as("spelled with Kazakh letters: %s", word).contains(word);
            String russified = russify(word);
            if (!russified.equals(word)) {
                assertThat(Pattern.compile("(?<!\\p{L})" + Pattern.quote(russified) + "(?!\\p{L})")
                        .matcher(text).find()).as("misspelled %s", russified).isFalse();
            }
        }
        // Letters a Kazakh text does not use outside Russian loanwords (we have none) — signs of a copy from Russian.
        for (char letter : "ёщъэ".toCharArray()) {
            assertThat(text).as("Russian-only letter %s in Kazakh", letter).doesNotContain(String.valueOf(letter));
        }
        // The Latin i or Ukrainian-looking lookalikes must not replace Kazakh і (U+0456) inside words.
        assertThat(text).doesNotContain("i".repeat(1) + "з").doesNotContain("бiр");
    }

    private static String russify(String word) {
        return word.replace('ә', 'а').replace('ғ', 'г').replace('қ', 'к').replace('ң', 'н').replace('ө', 'о')
                .replace('ұ', 'у').replace('ү', 'у').replace('һ', 'х').replace('і', 'и');
    }

    @Test
    void mnemonicsParse() {
        assertThat(Mnemonic.strip("&Жіберу")).isEqualTo("Жіберу");
        assertThat(Mnemonic.index("Ж&іберу")).isEqualTo(1);
        assertThat(Mnemonic.strip("Fish && chips")).isEqualTo("Fish & chips");
        assertThat(Mnemonic.index("Fish && &chips")).isEqualTo(7);
        assertThat(Mnemonic.index("none")).isEqualTo(-1);
        assertThat(Mnemonic.keyCode("&Сақтау")).isEqualTo(java.awt.event.KeyEvent.getExtendedKeyCodeForChar('С'));
    }
}
