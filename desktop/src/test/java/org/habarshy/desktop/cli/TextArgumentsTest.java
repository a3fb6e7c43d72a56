package org.habarshy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextArgumentsTest {
    @Test
    void passesKazakhAndRussianTextThrough() {
        assertThat(TextArguments.checked("the message", "Сәлем! Қалайсың? Привет")).isEqualTo("Сәлем! Қалайсың? Привет");
    }

    @Test
    void refusesTextAlreadyDestroyedByANonUtf8Locale() {
        assertThatThrownBy(() -> TextArguments.checked("the message", "\uFFFD\uFFFD\uFFFD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LC_ALL=C.UTF-8");
    }
}
