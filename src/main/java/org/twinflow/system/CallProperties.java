package org.twinflow.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code twinflow.call.*}: what a new call for proposals starts with (each call then keeps its own values), and how
 * the calls' processes wait. The first call, created by migration V013, is read by Flyway (application.yaml).
 */
@Validated
@ConfigurationProperties("twinflow.call")
public record CallProperties(
        @Min(1) int minDurationMonths,
        @Min(1) int maxDurationMonths,
        @NotNull @DecimalMin("0") BigDecimal maxRequestedAmount,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal maxFundingShare,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotNull @DecimalMin("0") BigDecimal budget,
        @NotNull ZoneId timeZone,
        /** ISO codes separated by commas; empty: any country. */
        String leadCountries,
        @Min(1) int reviewerCount,
        @NotNull Period reportingInterval,
        @NotNull Duration reviewCheckInterval,
        @NotNull Period reserveListOpenFor) {
}
