package com.quanyu.chatbot.faq;

import java.util.Objects;

/** A FAQ kept in memory, for unit tests. */
public final class InMemoryFaqLibrary implements FaqLibrary {
    private volatile Faq faq = Faq.EMPTY;

    @Override
    public Faq current() {
        return faq;
    }

    @Override
    public void replace(Faq value) {
        faq = Objects.requireNonNull(value, "faq");
    }
}
