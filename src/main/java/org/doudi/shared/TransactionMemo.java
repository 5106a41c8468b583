package org.doudi.shared;

import java.util.HashMap;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one transaction already looked up, remembered until it ends (committed or rolled back), so that
 * the listeners and expressions of one engine step do not each ask the database for the same rows.
 * Outside a transaction nothing is remembered: every call gets a fresh, empty map.
 */
public final class TransactionMemo {

    private TransactionMemo() {
    }

    /** The current transaction's map under this name (one name per kind of lookup). */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> of(String name) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        Map<K, V> memo = (Map<K, V>) TransactionSynchronizationManager.getResource(name);
        if (memo == null) {
            Map<K, V> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(name, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(name);
                }
            });
            memo = fresh;
        }
        return memo;
    }
}
