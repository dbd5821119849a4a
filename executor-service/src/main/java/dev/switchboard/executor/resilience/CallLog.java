package dev.switchboard.executor.resilience;

import java.util.ArrayList;
import java.util.List;

/** The provider calls of one request attempt, in the order made. */
final class CallLog {

    private final List<CallRecord> records = new ArrayList<>();

    int nextOrdinal() {
        return records.size() + 1;
    }

    void add(CallRecord record) {
        if (record.ordinal() != nextOrdinal()) {
            throw new IllegalStateException("call " + record.ordinal() + " logged out of order, expected "
                    + nextOrdinal());
        }
        records.add(record);
    }

    CallRecord last() {
        return records.get(records.size() - 1);
    }

    /** Puts a call's judged or decided record in place of the one logged with its ordinal. */
    void replace(CallRecord record) {
        if (record.ordinal() < 1 || record.ordinal() > records.size()) {
            throw new IllegalStateException("no call " + record.ordinal() + " logged (" + records.size() + " calls)");
        }
        records.set(record.ordinal() - 1, record);
    }

    List<CallRecord> records() {
        return List.copyOf(records);
    }
}
