package vn.ocop.portal.demo;

/** GS1 check digits for GTIN-8, -12, -13 and -14 (the same mod-10 rule with weights 3 and 1 from the right). */
final class Gtin {

    private Gtin() {}

    static boolean isValid(String gtin) {
        if (gtin == null || !gtin.matches("[0-9]{8}|[0-9]{12,14}")) {
            return false;
        }
        return checkDigit(gtin.substring(0, gtin.length() - 1)) == gtin.charAt(gtin.length() - 1) - '0';
    }

    /** The check digit for the digits before it. */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }
}
