package dev.switchboard.core.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ArithmeticCheckTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "She has 16 - 3 = 13 eggs left.                  | 0",
            "She earns 9 * 2 = 17 dollars.                   | 1",
            "GSM8K style: <<9*2=18>>18                       | 0",
            "Each gets 10 / 3 = 3.33 and 7 / 3 = 2.3         | 0",
            "2 + 3 * 4 = 14 but 2 + 3 * 4 = 20               | 1",
            "Total: 1,200 + 300 = 1,500; then 3 x 4 = 13     | 1",
            "Nothing to check here, just 42.                 | 0",
            "A division by zero 5 / 0 = 7 is skipped         | 0"})
    void countsWrittenOutCalculationsWithAWrongResult(String text, int wrong) {
        assertThat(ArithmeticCheck.wrongStatements(text)).isEqualTo(wrong);
    }
}
