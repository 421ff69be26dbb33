package com.quanyu.chatbot.faq;

/**
 * Where the brand's FAQ is kept: {@code store.S3FaqLibrary} in AWS and the local runtime,
 * {@link InMemoryFaqLibrary} in unit tests. An upload replaces the whole FAQ.
 */
public interface FaqLibrary {
    /** The FAQ as last uploaded; {@link Faq#EMPTY} before any upload. */
    Faq current();

    /** Replaces the FAQ. */
    void replace(Faq faq);
}
