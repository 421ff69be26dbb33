package com.quanyu.chatbot.nlu;

/**
 * The classifier's answer for one text: the best intent, its probability, and whether that
 * probability clears the model's out-of-scope threshold.
 */
public record IntentPrediction(String intent, double confidence, boolean inScope) {
    /** The label reported for texts below the threshold. */
    public static final String OUT_OF_SCOPE = "oos";

    /** The intent if in scope, otherwise {@link #OUT_OF_SCOPE}. */
    public String label() {
        return inScope ? intent : OUT_OF_SCOPE;
    }
}
