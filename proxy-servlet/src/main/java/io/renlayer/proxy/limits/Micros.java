package io.renlayer.proxy.limits;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** US dollars as whole micro-dollars, so counters stay exact integers. */
public final class Micros {

    private Micros() {}

    public static long of(BigDecimal usd) {
        return usd.movePointRight(6).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    public static BigDecimal toUsd(long micros) {
        return BigDecimal.valueOf(micros, 6);
    }
}
