package org.doudi.test;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Valid resident ID numbers (GB 11643-1999) for tests, fresh on every call. */
public final class ResidentIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ResidentIds() {
    }

    /** Numbers handed out in this JVM: never the same twice (a random start keeps reruns apart too). */
    private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(300_000));

    /** A new person of about the given age: a number no other call of this run returns. */
    public static String ofAge(int years) {
        long n = NEXT.getAndIncrement() % 300_000;
        LocalDate birth = LocalDate.now().minusYears(years).minusDays(30 + n / 1000);
        return of("130102", birth, (int) (n % 1000));
    }

    public static String of(String area, LocalDate birth, int sequence) {
        String first17 = area + "%04d%02d%02d".formatted(birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + "%03d".formatted(sequence);
        return first17 + checkCharacter(first17);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The same number with a wrong check character. */
    public static String withBadChecksum(String valid) {
        char good = valid.charAt(17);
        char bad = good == '1' ? '2' : '1';
        return valid.substring(0, 17) + bad;
    }
}
