package com.quanyu.chatbot.catalogue;

import java.util.Objects;

/** A catalogue kept in memory, for unit tests. */
public final class InMemoryProductCatalogue implements ProductCatalogue {
    private volatile Catalogue catalogue = Catalogue.EMPTY;

    @Override
    public Catalogue current() {
        return catalogue;
    }

    @Override
    public void replace(Catalogue value) {
        catalogue = Objects.requireNonNull(value, "catalogue");
    }
}
