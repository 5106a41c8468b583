package org.doudi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextsTest {

    /** Nothing visible: NUL, other controls, zero-width and bidirectional characters, every kind of space. */
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"\u0000", "\u0000\u0000\u0007", "\u200B", "\u200B\u200C\u200D\uFEFF", "\u202E",
            "\u2066\u2069", "   ", "\u3000\u3000", "\u00A0", "\u2007\u202F", "\t\n\r", "\u3164", "\u2800",
            "\uD800", "\u00AD", "\u2028"})
    void aTextWithNothingVisibleIsNotGiven(String text) {
        assertThat(Texts.singleLine(text)).isNull();
        assertThat(Texts.multiLine(text)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "张三                   | 张三",
            "'  张三  '             | 张三",
            "'　张三　'             | 张三",
            "张\u0000三             | 张三",
            "张\u200B三             | 张三",
            "\u202E三张             | 三张",
            "'张\n三'               | '张 三'",
            "'张\t三'               | '张 三'",
            "😀张三                 | 😀张三",
    })
    void aOneLineTextLosesControlsAndInvisibleCharacters(String text, String cleaned) {
        assertThat(Texts.singleLine(text)).isEqualTo(cleaned);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'身份证复印件\n户口本'         | '身份证复印件\n户口本'",
            "'身份证复印件\r\n户口本\r'      | '身份证复印件\n户口本'",
            "'\t缺：\t收入证明\u0000'        | '缺：\t收入证明'",
            "'\n\n因病致贫\n\n'              | 因病致贫",
    })
    void aMultiLineTextKeepsLineBreaksAndTabs(String text, String cleaned) {
        assertThat(Texts.multiLine(text)).isEqualTo(cleaned);
    }
}
