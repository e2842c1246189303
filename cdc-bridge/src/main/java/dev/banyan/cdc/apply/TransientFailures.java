package dev.banyan.cdc.apply;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Which target failures pass by themselves (connection loss, serialization conflicts, deadlocks, shutdown, resource
 * shortage, lock timeouts) and are retried without limit, as opposed to a rejection of the data.
 */
final class TransientFailures {

    private TransientFailures() {}

    static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return e.getCause() instanceof IOException;
        }
        return state.startsWith("08")
                || state.equals("40001")
                || state.equals("40P01")
                || state.startsWith("57P")
                || state.startsWith("53")
                || state.equals("55P03");
    }
}
