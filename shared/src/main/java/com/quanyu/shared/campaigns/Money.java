package com.quanyu.shared.campaigns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount in minor units (fen, cents) of an ISO 4217 currency. Never negative: discounts,
 * totals and budgets are all amounts, and a negative one is always a caller's mistake.
 *
 * @param minor    amount in the currency's minor unit
 * @param currency ISO 4217 code, upper case
 */
public record Money(long minor, String currency) {
    public Money {
        if (minor < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        currency = currencyCode(currency);
    }

    /** Parses a decimal amount such as {@code 199.90}; more decimals than the currency has is an error. */
    public static Money of(BigDecimal amount, String currency) {
        String code = currencyCode(currency);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount.toPlainString());
        }
        int digits = fractionDigits(code);
        try {
            return new Money(
                    amount.setScale(digits, RoundingMode.UNNECESSARY)
                            .movePointRight(digits)
                            .longValueExact(),
                    code);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    code + " amounts have at most " + digits + " decimals: " + amount.toPlainString());
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** The decimal amount, e.g. {@code 199.90}. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minor, fractionDigits(currency));
    }

    public boolean sameCurrency(Money other) {
        return currency.equals(other.currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money min(Money other) {
        requireSameCurrency(other);
        return minor <= other.minor ? this : other;
    }

    public boolean lessThan(Money other) {
        requireSameCurrency(other);
        return minor < other.minor;
    }

    @Override
    public String toString() {
        return amount().toPlainString() + " " + currency;
    }

    private void requireSameCurrency(Money other) {
        if (!sameCurrency(other)) {
            throw new IllegalArgumentException("currency " + other.currency + " is not " + currency);
        }
    }

    private static String currencyCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("currency is required (ISO 4217, e.g. CNY)");
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(upper).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an ISO 4217 currency: " + code);
        }
    }

    private static int fractionDigits(String code) {
        return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
    }
}
