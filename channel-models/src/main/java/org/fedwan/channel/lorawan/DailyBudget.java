package org.fedwan.channel.lorawan;

/**
 * A per-day allowance, e.g. The Things Network fair-use policy: at most 30 s of uplink airtime
 * per device per day, and at most 10 downlinks per day including ACKs (lpwan-facts A3, [V] TTN
 * forum). The unit is the caller's: microseconds of airtime or a count of messages.
 *
 * <p>Days are fixed windows of 24 h counted from simulated time 0 (TTN averages over a rolling
 * 24 h; fixed windows keep the state to one counter). Like {@link DutyCycleLedger} the budget
 * takes the current time as an argument and never reads a clock. Mutable, not thread-safe.
 */
public final class DailyBudget {

    /** One day in microseconds. */
    public static final long DAY_US = 86_400_000_000L;
    /** TTN fair use: 30 s of uplink airtime per device per day. */
    public static final long TTN_UPLINK_AIRTIME_US_PER_DAY = 30_000_000L;
    /** TTN fair use: 10 downlinks per device per day, ACKs included. */
    public static final long TTN_DOWNLINKS_PER_DAY = 10L;

    private final long limitPerDay;
    private long day = Long.MIN_VALUE;
    private long usedToday;
    private long usedTotal;

    /**
     * @param limitPerDay allowance per day in the caller's unit, at least 0
     */
    public DailyBudget(long limitPerDay) {
        if (limitPerDay < 0) {
            throw new IllegalArgumentException("limitPerDay = " + limitPerDay + " is not allowed; allowed: >= 0");
        }
        this.limitPerDay = limitPerDay;
    }

    /** @return the allowance per day */
    public long limitPerDay() {
        return limitPerDay;
    }

    /**
     * @param nowUs current time, µs, at least 0
     * @return amount left in the current day
     */
    public long remaining(long nowUs) {
        roll(nowUs);
        return limitPerDay - usedToday;
    }

    /**
     * @param nowUs  current time, µs
     * @param amount amount wanted
     * @return true if the current day still holds {@code amount}
     */
    public boolean allows(long nowUs, long amount) {
        return amount <= remaining(nowUs);
    }

    /**
     * @param nowUs  current time, µs
     * @param amount amount wanted, at least 0
     * @return {@code nowUs} if the amount fits today, the start of the next day if it fits a
     *         fresh day, {@link Long#MAX_VALUE} if it exceeds a whole day's allowance
     */
    public long nextAllowedUs(long nowUs, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount = " + amount + " is not allowed; allowed: >= 0");
        }
        if (allows(nowUs, amount)) {
            return nowUs;
        }
        if (amount > limitPerDay) {
            return Long.MAX_VALUE;
        }
        return (Math.floorDiv(nowUs, DAY_US) + 1) * DAY_US;
    }

    /**
     * @param nowUs  current time, µs
     * @param amount amount used, at least 0
     * @throws IllegalStateException if it does not fit today's allowance
     */
    public void consume(long nowUs, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount = " + amount + " is not allowed; allowed: >= 0");
        }
        if (!allows(nowUs, amount)) {
            throw new IllegalStateException("amount " + amount + " exceeds the " + (limitPerDay - usedToday)
                    + " left of today's allowance " + limitPerDay + " at " + nowUs + " us");
        }
        usedToday += amount;
        usedTotal += amount;
    }

    /** @return everything consumed since creation */
    public long usedTotal() {
        return usedTotal;
    }

    private void roll(long nowUs) {
        long today = Math.floorDiv(nowUs, DAY_US);
        if (today != day) {
            if (today < day) {
                throw new IllegalArgumentException("nowUs = " + nowUs + " lies before the day already counted");
            }
            day = today;
            usedToday = 0;
        }
    }
}
