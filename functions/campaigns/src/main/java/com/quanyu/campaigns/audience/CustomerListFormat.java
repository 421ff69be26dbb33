package com.quanyu.campaigns.audience;

import com.quanyu.shared.customer.IdentifierType;
import com.quanyu.shared.customer.Identifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Customer-list upload formats of ad platforms: a CSV whose columns hold SHA-256 hex digests of
 * normalised contact data. Emails: trimmed, lower-case. Phones: E.164. Google Customer Match
 * hashes the E.164 form with its {@code +}; Meta custom audiences hash digits only (country code,
 * no {@code +}). Normalisation is ingestion's ({@link Identifiers}), so an export matches the keys
 * profiles were stitched on.
 */
public enum CustomerListFormat {
    GOOGLE("Email", "Phone", true),
    META("EMAIL", "PHONE", false);

    private final String emailHeader;
    private final String phoneHeader;
    private final boolean phoneWithPlus;

    CustomerListFormat(String emailHeader, String phoneHeader, boolean phoneWithPlus) {
        this.emailHeader = emailHeader;
        this.phoneHeader = phoneHeader;
        this.phoneWithPlus = phoneWithPlus;
    }

    public String header() {
        return emailHeader + "," + phoneHeader;
    }

    /** The CSV row of a profile's contacts; empty when it has no usable email or phone. */
    public Optional<String> row(Optional<String> rawEmail, Optional<String> rawPhone) {
        Optional<String> email = rawEmail.flatMap(e -> Identifiers.normalise(IdentifierType.EMAIL, e));
        Optional<String> phone = rawPhone.flatMap(p -> Identifiers.normalise(IdentifierType.PHONE, p))
                .map(p -> phoneWithPlus ? p : p.replace("+", ""));
        if (email.isEmpty() && phone.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(email.map(CustomerListFormat::sha256).orElse("") + ","
                + phone.map(CustomerListFormat::sha256).orElse(""));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
