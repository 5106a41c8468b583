package org.doudi.verification;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doudi.household.HouseholdMember;
import org.springframework.stereotype.Component;

/** The built-in source: the registry records imported into Doudi's own database. */
@Component
class RegistryRecordSource implements VerificationSource {

    private final RegistryRecordRepository records;

    RegistryRecordSource(RegistryRecordRepository records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "registry";
    }

    @Override
    public List<Finding> check(List<HouseholdMember> members) {
        Map<String, HouseholdMember> byNumber = members.stream()
                .collect(Collectors.toMap(HouseholdMember::idNumber, Function.identity(), (a, b) -> a));
        return records.findByIdNumberIn(byNumber.keySet()).stream()
                .map(r -> new Finding(byNumber.get(r.idNumber()), r.category(), r.description(), r.amount()))
                .toList();
    }
}
