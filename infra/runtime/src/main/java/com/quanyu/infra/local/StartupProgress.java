package com.quanyu.infra.local;

/**
 * Where the local runtime reports its start-up phases (stand-ins, functions, each seeder): one
 * line per phase on the console, nothing in tests.
 */
interface StartupProgress {
    /** Reports nothing (tests). */
    StartupProgress NONE = title -> new Phase() {
        @Override
        public void update(double fraction) {}

        @Override
        public void done(String note) {}
    };

    /** Starts a phase. */
    Phase begin(String title);

    /** A phase in progress. */
    interface Phase {
        /** The share done so far, 0 to 1 (phases that cannot tell just finish). */
        void update(double fraction);

        /** Ends the phase; the note (e.g. "failed, see the log") is shown beside it, or empty. */
        void done(String note);
    }
}
