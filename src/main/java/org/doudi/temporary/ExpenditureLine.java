package org.doudi.temporary;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.IntakeRule;
import org.doudi.cases.Programme;
import org.doudi.cases.TemporaryKind;
import org.doudi.region.RegionService;
import org.doudi.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 支出型 applications need the county's disposable-income line: a county that has not set one takes none
 * (400 on {@code kind}, at the API and the start form alike), rather than measuring households against
 * its 低保 standard, which is another line.
 */
@Component
class ExpenditureLine implements IntakeRule {

    private final RegionService regions;

    ExpenditureLine(RegionService regions) {
        this.regions = regions;
    }

    @Override
    public void check(AssistanceCase c) {
        if (c.programme() != Programme.TEMPORARY || !TemporaryKind.EXPENDITURE.name().equals(c.kind())) {
            return;
        }
        if (regions.policyOf(c.countyCode()).disposableIncomeLine() == null) {
            throw InvalidInputException.of("kind", "本县（" + c.countyCode() + "）未设定支出型临时救助的家庭人均收入标准，"
                    + "不能受理支出型申请；急难型（EMERGENCY）可以受理 (county " + c.countyCode()
                    + " has no 支出型 income line: EXPENDITURE applications cannot be taken)");
        }
    }
}
