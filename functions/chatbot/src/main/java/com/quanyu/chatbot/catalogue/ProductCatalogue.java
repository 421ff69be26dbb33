package com.quanyu.chatbot.catalogue;

/**
 * Where the brand's catalogue is kept: {@code store.S3ProductCatalogue} in AWS and the local runtime,
 * {@link InMemoryProductCatalogue} in unit tests. An upload replaces the whole catalogue.
 */
public interface ProductCatalogue {
    /** The catalogue as last uploaded; {@link Catalogue#EMPTY} before any upload. */
    Catalogue current();

    /** Replaces the catalogue. */
    void replace(Catalogue catalogue);
}
