package org.doudi.cases;

import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnitUtil;

import org.doudi.shared.TransactionMemo;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link CaseLookup}: case number → id, remembered until the transaction ends (committed or not). The
 * mapping never changes once a case has its number, and {@code find} by id answers from the
 * transaction's persistence context, so a remembered case is exactly the one a query would have returned
 * (Hibernate hands back the managed instance for a row it already holds).
 */
@Transactional(readOnly = true)
class CaseLookupImpl implements CaseLookup {

    /** The transaction resource holding the ids this transaction already looked up. */
    private static final String IDS = CaseLookupImpl.class.getName() + ".ids";
    /** The transaction resource naming the cases this transaction holds locked. */
    private static final String LOCKED = CaseLookupImpl.class.getName() + ".locked";

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<AssistanceCase> findByCaseNumber(String caseNumber) {
        AssistanceCase known = known(caseNumber);
        if (known != null) {
            return Optional.of(known);
        }
        return remember(em.createQuery("select c from AssistanceCase c where c.caseNumber = :caseNumber",
                AssistanceCase.class).setParameter("caseNumber", caseNumber).getResultList().stream().findFirst());
    }

    @Override
    public Optional<AssistanceCase> findWithHouseholdByCaseNumber(String caseNumber) {
        AssistanceCase known = known(caseNumber);
        PersistenceUnitUtil loaded = em.getEntityManagerFactory().getPersistenceUnitUtil();
        if (known != null && loaded.isLoaded(known, "household") && loaded.isLoaded(known.household(), "members")) {
            return Optional.of(known);
        }
        return remember(em.createQuery("select c from AssistanceCase c join fetch c.household h"
                + " left join fetch h.members where c.caseNumber = :caseNumber", AssistanceCase.class)
                .setParameter("caseNumber", caseNumber).getResultList().stream().findFirst());
    }

    @Override
    @Transactional
    public Optional<AssistanceCase> lockByCaseNumber(String caseNumber) {
        if (caseNumber != null && TransactionMemo.<String, Boolean>of(LOCKED).containsKey(caseNumber)) {
            AssistanceCase known = known(caseNumber);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<AssistanceCase> found = remember(em.createQuery(
                "select c from AssistanceCase c where c.caseNumber = :number", AssistanceCase.class)
                .setParameter("number", caseNumber).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().findFirst());
        found.ifPresent(c -> TransactionMemo.<String, Boolean>of(LOCKED).put(caseNumber, Boolean.TRUE));
        return found;
    }

    /** The case this transaction already loaded under that number, or null. */
    private AssistanceCase known(String caseNumber) {
        Long id = caseNumber == null ? null : ids().get(caseNumber);
        if (id == null) {
            return null;
        }
        AssistanceCase c = em.find(AssistanceCase.class, id);
        return c != null && caseNumber.equals(c.caseNumber()) ? c : null;
    }

    private Optional<AssistanceCase> remember(Optional<AssistanceCase> found) {
        found.ifPresent(c -> ids().put(c.caseNumber(), c.id()));
        return found;
    }

    private static Map<String, Long> ids() {
        return TransactionMemo.of(IDS);
    }
}
