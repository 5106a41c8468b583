package org.doudi.payments;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Service;

/** {@link Payments} from the confirmed rolls' lines (indexed by enrolment). */
@Service
class ConfirmedPayments implements Payments {

    private final PaymentRollStore store;

    ConfirmedPayments(PaymentRollStore store) {
        this.store = store;
    }

    @Override
    public List<MonthlyPayment> paymentsOf(long enrolmentId) {
        return store.paymentsOf(enrolmentId);
    }

    @Override
    public BigDecimal paidFrom(long enrolmentId, YearMonth from) {
        if (from == null) {
            throw new IllegalArgumentException("a month to sum from is required");
        }
        return store.paidFrom(enrolmentId, from);
    }
}
