package org.followuptracker.command.transaction;

import java.util.concurrent.Callable;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.stereotype.Component;

/**
 * Runs several commands (and look-up table writes) as one: one Axon unit of work around them, with one database
 * transaction, so that all their events are appended or none. The relay is woken only once that transaction has
 * committed; a Spring transaction around the commands would wake it too early.
 */
@Component
public class OneTransaction {

    private final TransactionManager transactions;

    OneTransaction(TransactionManager transactions) {
        this.transactions = transactions;
    }

    /** The work's result; a failure is thrown as it was thrown (a checked one wrapped), after the rollback. */
    public <R> R run(Callable<R> work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<R> result = unitOfWork.executeWithResult(work, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
