package org.doudi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "applicant 11010519491231002X registered | applicant 110105********002X registered",
            "id=11010519491231002x;                  | id=110105********002x;",
            "Duplicate entry '440524188001010014-DIBAO' for key | Duplicate entry '440524********0014-DIBAO' for key",
            "VALUES ( /* 1 */ '440524188001010014' ) | VALUES ( /* 1 */ '440524********0014' )",
            "legacy 110105491231002 id               | legacy 110105*****1002 id",
            "card 6222020200112233445 paid           | card 622202*********3445 paid",
            "full-width １１０１０５１９４９１２３１００２Ｘ | full-width １１０１０５********００２Ｘ",
            "phone 13800000000, again 19912345678    | phone 138****0000, again 199****5678",
            "call +8613800000000 or 0086 13912345678 | call +86138****0000 or 0086 139****5678",
            "tel:86-13800000000                      | tel:86-138****0000",
    })
    void masksResidentIdsAndMobileNumbersAnywhereInAText(String text, String masked) {
        assertThat(PersonalData.maskAll(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "case DB-2026-130102100-000042 submitted by caseworker1",
            "village 130102100201, township 130102100, county 130102",
            "2026-01-05T10:15:30.123+08:00 epoch 1767579330123",
            "task 3f2504e0-4f89-11d3-9a0c-0305e82c3301 of process 8c1f6d2a-0000-1111-2222-333344445555",
            "1200.00 元 granted, balance 18800.00, ledger 1234567890123",
            "port 12345678901 is not a phone: 12 digits 123456789012",
            "ENGINE-16004 Exception, SQL state 23505 and error 1062",
    })
    void leavesOrdinaryNumbersAlone(String text) {
        assertThat(PersonalData.maskAll(text)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "11010519491231002X, 110105********002X",
            "110105491231002, 110105*****1002",
            "123, ****",
    })
    void masksOneIdNumberAsTheViewsDo(String id, String masked) {
        assertThat(PersonalData.maskIdNumber(id)).isEqualTo(masked);
    }
}
