package com.quanyu.eval.scoring;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps Tribuo's per-tree progress lines out of the printed figures. */
final class EvalLogging {
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private EvalLogging() {}

    static void quiet() {
        TRIBUO.setLevel(Level.WARNING);
    }
}
