package io.renlayer.plugins.dlp;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The generated labelled set: for every type of the catalog, {@value #POSITIVES} chat-shaped lines
 * with one value made with its check digits (in the sentence shapes people write them in, with the
 * context words the type needs), and {@value #DECOYS} decoys that must yield nothing: the same
 * shape with a failing check, the value of a context-gated type without its context, placeholder
 * and truncated tokens. Deterministic (fixed seed), so a change in a score is a change in the
 * detectors. Lines are in {@code dlp-labelled.tsv}'s format: {@code TYPE<TAB>text [[finding]]}.
 */
final class LabelledSet {

    static final int POSITIVES = 200;
    static final int DECOYS = 100;

    private final Random random = new Random(20261208);
    private final GeneratedValues values = new GeneratedValues(random);
    private final List<String> lines = new ArrayList<>();

    static List<String> generate() {
        LabelledSet set = new LabelledSet();
        set.identifiers();
        set.globalTypes();
        set.tokens();
        set.everydayDecoys();
        return set.lines;
    }

    private static final String[] PLAIN = {
        "Please update the record with %s before Friday.",
        "The value on file is %s, can you confirm it?",
        "Copying from the form: %s (checked twice)",
        "{\"customer\": {\"id\": \"%s\", \"tier\": \"gold\"}}",
        "- %s\n- pending review",
        "Hi team, the one I meant is %s. Thanks!",
    };

    private static final String[] NEUTRAL = {
        "Order %s shipped on Monday.",
        "Ticket %s was closed as a duplicate.",
        "The build number was %s after the rerun.",
        "Tracking reference %s, see the warehouse log.",
    };

    /** A type whose values need one of {@code context} near them; decoys: bad checks in context, good values without. */
    private void contextual(String type, Supplier<String> value, String... context) {
        contextual(type, value, values::breakLast, context);
    }

    /** As above, {@code breaker} making a value of the same shape that the type's rules refuse. */
    private void contextual(String type, Supplier<String> value, UnaryOperator<String> breaker, String... context) {
        for (int i = 0; i < POSITIVES; i++) {
            String word = context[random.nextInt(context.length)];
            String shape = switch (random.nextInt(4)) {
                case 0 -> "My " + word + " is %s, please keep it safe.";
                case 1 -> "Customer record: name Jane Doe, " + word + ": %s, city Springfield";
                case 2 -> "Can you check " + word + " %s for me?";
                default -> "{\"" + word.replace(' ', '_') + "\": \"%s\"}";
            };
            positive(type, shape, value.get());
        }
        for (int i = 0; i < DECOYS; i++) {
            if (i % 2 == 0) {
                String word = context[random.nextInt(context.length)];
                none("My " + word + " is %s, please keep it safe.", notAPhoneNumber(() -> breaker.apply(value.get())));
            } else {
                none(NEUTRAL[random.nextInt(NEUTRAL.length)], notAPhoneNumber(value));
            }
        }
    }

    /**
     * A value that is not also a valid phone number: a ten-digit number without its identifier's
     * context is, for all anyone can tell, a phone number, and PHONE_NUMBER is right to report it.
     */
    private String notAPhoneNumber(Supplier<String> value) {
        while (true) {
            String v = value.get();
            if (!PHONES.findNumbers(v, "US", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)
                    .iterator()
                    .hasNext()) {
                return v;
            }
        }
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** A type whose check digits suffice; decoys: the same shape with a failing check. */
    private void checked(String type, Supplier<String> value) {
        for (int i = 0; i < POSITIVES; i++) {
            positive(type, PLAIN[random.nextInt(PLAIN.length)], value.get());
        }
        for (int i = 0; i < DECOYS; i++) {
            none(PLAIN[random.nextInt(PLAIN.length)], notAPhoneNumber(() -> values.breakLast(value.get())));
        }
    }

    private void identifiers() {
        contextual("UK_NHS", values::ukNhs, "NHS number", "NHS no", "patient NHS");
        contextual(
                "UK_NINO",
                values::ukNino,
                v -> "BG" + v.substring(2),
                "national insurance number",
                "NI number",
                "NINO");
        contextual("ES_NIF", values::esNif, "DNI", "NIF", "documento nacional de identidad");
        checked("ES_NIE", values::esNie);
        checked("IT_FISCAL_CODE", values::itFiscalCode);
        contextual("IT_VAT_CODE", values::itVat, "partita IVA", "P.IVA", "VAT number");
        contextual("PL_PESEL", values::plPesel, "PESEL", "numer PESEL");
        checked("FI_PERSONAL_IDENTITY_CODE", values::fiHetu);
        contextual("DE_TAX_ID", values::deTaxId, "Steuer-ID", "Steueridentifikationsnummer", "IdNr");
        checked("FR_NIR", values::frNir);
        contextual("NL_BSN", values::nlBsn, "BSN", "burgerservicenummer");
        checked("BR_CPF", values::brCpf);
        checked("BR_CNPJ", values::brCnpj);
        checked("SG_NRIC_FIN", values::sgNric);
        contextual("SG_UEN", values::sgUen, "UEN", "unique entity number");
        contextual("AU_TFN", values::auTfn, "TFN", "tax file number");
        checked("AU_ABN", values::auAbn); // grouped 2-3-3-3 as the ATO prints it
        contextual("AU_ABN", () -> values.auAbn().replace(" ", ""), "ABN", "australian business number");
        contextual("AU_ACN", values::auAcn, "ACN", "company number");
        contextual(
                "AU_MEDICARE",
                values::auMedicare,
                v -> v.substring(0, 8) + (char) ('0' + (v.charAt(8) - '0' + 1) % 10) + v.substring(9),
                "Medicare number",
                "medicare card");
        contextual("IN_AADHAAR", values::inAadhaar, "Aadhaar", "aadhaar number", "UIDAI id");
        contextual(
                "IN_PAN",
                values::inPan,
                v -> v.substring(0, 3) + "K" + v.substring(4),
                "PAN",
                "PAN card",
                "permanent account number");
        checked("IN_GSTIN", values::inGstin);
        checked("KR_RRN", values::krRrn);
        checked("TH_TNIN", values::thTnin);
        contextual(
                "US_ITIN",
                values::usItin,
                v -> v.substring(0, 4) + "43" + v.substring(6),
                "ITIN",
                "taxpayer identification number");
        contextual(
                "US_PASSPORT",
                () -> values.between(1, 9) + values.digits(8),
                v -> v.substring(2),
                "passport number",
                "passport no");
        contextual(
                "US_BANK_NUMBER",
                () -> values.between(1, 9) + values.digits(values.between(9, 13)),
                v -> v.substring(0, 6),
                "bank account",
                "account number",
                "acct");
        checked("MEDICAL_LICENSE", values::usDea);
        // US SSNs in each form people write: dashed, spaced, and unseparated next to its name.
        for (int i = 0; i < POSITIVES; i++) {
            String ssn = values.usSsn();
            switch (i % 3) {
                case 0 -> positive("US_SSN", PLAIN[random.nextInt(PLAIN.length)], ssn);
                case 1 -> positive("US_SSN", PLAIN[random.nextInt(PLAIN.length)], ssn.replace('-', ' '));
                default -> positive("US_SSN", "My SSN is %s, keep it private.", ssn.replace("-", ""));
            }
        }
        for (int i = 0; i < DECOYS; i++) {
            String ssn = values.usSsn();
            switch (i % 3) {
                case 0 -> none(PLAIN[random.nextInt(PLAIN.length)], "000" + ssn.substring(3));
                case 1 ->
                    none(
                            PLAIN[random.nextInt(PLAIN.length)],
                            "9" + ssn.substring(1).replace('-', ' '));
                default -> none(NEUTRAL[random.nextInt(NEUTRAL.length)], ssn.replace("-", ""));
            }
        }
        // The MRZ: both lines as printed, the second one carrying the check digits.
        for (int i = 0; i < POSITIVES; i++) {
            lines.add("PASSPORT_MRZ\tScanned passport:\\nP<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\n[["
                    + values.mrzLine() + "]]");
        }
        for (int i = 0; i < DECOYS; i++) {
            String line = values.mrzLine();
            lines.add("NONE\tScanned passport:\\nP<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\n" + line.substring(0, 9)
                    + values.breakLast(line.substring(0, 10)).charAt(9) + line.substring(10));
        }
    }

    private void globalTypes() {
        for (int i = 0; i < POSITIVES; i++) {
            String wallet = switch (i % 3) {
                case 0 -> values.bitcoinLegacy();
                case 1 -> values.bitcoinBech32();
                default -> values.ethereum();
            };
            positive("CRYPTO", random.nextBoolean() ? "Send the refund to %s please." : "wallet: %s", wallet);
        }
        for (int i = 0; i < DECOYS; i++) {
            String wallet = switch (i % 3) {
                case 0 -> values.bitcoinLegacy();
                case 1 -> values.bitcoinBech32();
                default -> values.ethereum();
            };
            // One character changed: every checksum catches it.
            int at = wallet.length() - 3;
            char c = wallet.charAt(at);
            char other = c == 'q' ? 'p' : c == '2' ? '3' : c == 'a' ? 'b' : c == 'A' ? 'B' : c == '9' ? '8' : 'q';
            if (i % 3 == 2) {
                other = Character.isDigit(c)
                        ? (char) ('0' + (c - '0' + 1) % 10)
                        : Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
            }
            none("Send the refund to %s please.", wallet.substring(0, at) + other + wallet.substring(at + 1));
        }
        for (int i = 0; i < POSITIVES; i++) {
            String hex = "0123456789abcdef";
            String mac = values.chars("02468ace", 1) + values.chars(hex, 11);
            StringBuilder written = new StringBuilder();
            char separator = i % 3 == 0 ? '-' : ':';
            for (int b = 0; b < 6; b++) {
                written.append(b > 0 ? String.valueOf(separator) : "").append(mac, 2 * b, 2 * b + 2);
            }
            String value = i % 3 == 2
                    ? mac.substring(0, 4) + "." + mac.substring(4, 8) + "." + mac.substring(8)
                    : i % 2 == 0 ? written.toString().toUpperCase(Locale.ROOT) : written.toString();
            positive(
                    "MAC_ADDRESS",
                    random.nextBoolean() ? "The laptop's MAC is %s on wifi." : "Allow-list %s in the DHCP config",
                    value);
        }
        for (int i = 0; i < DECOYS; i++) {
            String[] decoys = {"00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff", "10:45:10:45:10", "2026-12-08-10-45", "12:30"};
            none("The value is %s here.", decoys[i % decoys.length]);
        }
        for (int i = 0; i < POSITIVES; i++) {
            String token = values.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);
            String url = switch (i % 4) {
                case 0 -> "https://app.acme.io/callback#access_token=" + token + "&token_type=bearer";
                case 1 ->
                    "https://files.acme-cdn.net/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature="
                            + values.chars("0123456789abcdef", 64);
                case 2 ->
                    "https://acmestore.blob.core.windows.net/c/file.txt?sv=2022-11-02&sig=" + token.substring(0, 30)
                            + "%2B" + token.substring(0, 10) + "%3D";
                default -> "https://api.acme.io/v1/export?api_key=" + token + "&format=csv";
            };
            positive("URL", random.nextBoolean() ? "Open %s to download it." : "the link was %s", url);
        }
        for (int i = 0; i < DECOYS; i++) {
            String[] decoys = {
                "https://docs.acme.io/guide?page=2&lang=en",
                "https://acme.io/login?token=YOUR_TOKEN_HERE",
                "https://acme.io/reset?token=${RESET_TOKEN}",
                "https://search.acme.io/?q=api_key+rotation+policy",
                "https://acme.io/a?key=short"
            };
            none("Open %s to read it.", decoys[i % decoys.length]);
        }
        // Phone numbers as libphonenumber's metadata gives them for each region, in each format people write.
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        String[] regions = {"US", "GB", "DE", "FR", "IN", "AU", "BR", "JP", "ES", "IT", "NL", "SG", "CA", "MX", "ZA"};
        PhoneNumberUtil.PhoneNumberFormat[] formats = {
            PhoneNumberUtil.PhoneNumberFormat.E164, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL
        };
        for (String region : regions) {
            for (PhoneNumberUtil.PhoneNumberType kind :
                    List.of(PhoneNumberUtil.PhoneNumberType.MOBILE, PhoneNumberUtil.PhoneNumberType.FIXED_LINE)) {
                for (PhoneNumberUtil.PhoneNumberFormat format : formats) {
                    String number = phones.format(phones.getExampleNumberForType(region, kind), format);
                    positive("PHONE_NUMBER", random.nextBoolean() ? "Call me on %s after lunch." : "phone: %s", number);
                }
            }
        }
        // E-mail addresses whose names contain "example" are real; only reserved domains are not.
        for (int i = 0; i < POSITIVES; i++) {
            String[] domains = {
                "counterexample.com", "examples.io", "acme-examples.org", "mail.exampleco.net", "acme.de"
            };
            String local =
                    values.chars("abcdefghijklmnopqrstuvwxyz", values.between(3, 8)) + (i % 2 == 0 ? ".ops" : "");
            positive("EMAIL_ADDRESS", "Write to %s about it.", local + "@" + domains[i % domains.length]);
        }
        for (int i = 0; i < DECOYS; i++) {
            String[] domains = {
                "example.com", "mail.example.org", "example.net", "host.test", "corp.example", "site.invalid"
            };
            none(
                    "Write to %s about it.",
                    values.chars("abcdefghijklmnopqrstuvwxyz", 6) + "@" + domains[i % domains.length]);
        }
    }

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String URLSAFE = ALNUM + "_-";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String BASE64 = ALNUM + "+/";
    private static final String AGE = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

    private static final String[] SECRET_SHAPES = {
        "export TOKEN=%s",
        "use %s for the deploy job",
        "{\"credentials\": {\"value\": \"%s\"}}",
        "I pasted %s into the CI settings, is that right?",
        "config:\\n  auth: %s\\n  retries: 3",
    };

    private void token(String type, Supplier<String> value) {
        for (int i = 0; i < POSITIVES; i++) {
            positive(type, SECRET_SHAPES[random.nextInt(SECRET_SHAPES.length)], value.get());
        }
        for (int i = 0; i < DECOYS; i++) {
            String real = value.get();
            String decoy = switch (i % 3) {
                case 0 -> real.substring(0, real.length() - 4 - real.length() / 3); // cut short, as in a truncated log
                case 1 ->
                    prefixOf(real) + "x".repeat(real.length() - prefixOf(real).length()); // a mask
                default -> prefixOf(real) + "YOUR_TOKEN_HERE"; // a fill-in
            };
            none("The docs say: use %s in the header.", decoy);
        }
    }

    private static String prefixOf(String token) {
        int cut = Math.min(token.length() / 3, 12);
        for (int i = 0; i < Math.min(token.length(), 20); i++) {
            char c = token.charAt(i);
            if (c == '_' || c == '-' || c == '.' || c == '~' || c == ':') {
                cut = i + 1;
                break;
            }
        }
        return token.substring(0, cut);
    }

    private String r(String alphabet, int n) {
        return values.chars(alphabet, n);
    }

    private void tokens() {
        token("GITHUB_TOKEN", () -> values.crcToken("gh" + "pousr".charAt(random.nextInt(5)) + "_"));
        token("NPM_TOKEN", () -> values.crcToken("npm_"));
        token("GITLAB_TOKEN", () -> switch (random.nextInt(4)) {
            case 0 -> "glpat-" + r(URLSAFE, 20);
            case 1 -> "gldt-" + r(URLSAFE, 20);
            case 2 -> "glrt-" + r(URLSAFE, 20);
            default -> "glptt-" + r(HEX, 40);
        });
        token("PYPI_TOKEN", () -> "pypi-AgEIcHlwaS5vcmc" + r(URLSAFE, 70));
        token("HUGGINGFACE_TOKEN", () -> (random.nextBoolean() ? "hf_" : "api_org_") + r(LETTERS, 34));
        token("TWILIO_API_KEY", () -> "SK" + r(HEX, 32));
        token("SENDGRID_API_KEY", () -> "SG." + r(URLSAFE, 22) + "." + r(URLSAFE, 43));
        token(
                "SHOPIFY_TOKEN",
                () -> "shp" + new String[] {"at", "ca", "pa", "ss"}[random.nextInt(4)] + "_" + r(HEX, 32));
        token("DIGITALOCEAN_TOKEN", () -> "do" + "opr".charAt(random.nextInt(3)) + "_v1_" + r(HEX, 64));
        token("AZURE_AD_CLIENT_SECRET", () -> r(ALNUM, 3) + values.digits(1) + "Q~" + r(ALNUM + "_~.-", 34));
        token("DATABRICKS_TOKEN", () -> "dapi" + r(HEX, 32));
        token("DOPPLER_TOKEN", () -> "dp.pt." + r(ALNUM, 43));
        token("LINEAR_API_KEY", () -> "lin_api_" + r(ALNUM, 40));
        token("POSTMAN_API_KEY", () -> "PMAK-" + r(HEX, 24) + "-" + r(HEX, 34));
        token("ATLASSIAN_API_TOKEN", () -> "ATATT3" + r(URLSAFE, 186));
        token("AGE_SECRET_KEY", () -> "AGE-SECRET-KEY-1" + r(AGE, 58));
        token("ALIBABA_ACCESS_KEY_ID", () -> "LTAI" + r(ALNUM, 20));
        token("ARTIFACTORY_TOKEN", () -> random.nextBoolean() ? "AKCp" + r(ALNUM, 69) : "cmVmd" + r(ALNUM, 59));
        token(
                "ONEPASSWORD_TOKEN",
                () -> "A3-" + r(UPPER_ALNUM, 6) + "-" + r(UPPER_ALNUM, 11) + "-" + r(UPPER_ALNUM, 5) + "-"
                        + r(UPPER_ALNUM, 5) + "-" + r(UPPER_ALNUM, 5));
        token("CLOJARS_TOKEN", () -> "CLOJARS_" + r(LOWER_ALNUM, 60));
        token("ADOBE_CLIENT_SECRET", () -> "p8e-" + r(ALNUM, 32));
        token("CLOUDFLARE_ORIGIN_CA_KEY", () -> "v1.0-" + r(HEX, 24) + "-" + r(HEX, 146));
        token("DUFFEL_TOKEN", () -> "duffel_" + (random.nextBoolean() ? "test_" : "live_") + r(URLSAFE, 43));
        token("DYNATRACE_TOKEN", () -> "dt0c01." + r(UPPER_ALNUM, 24) + "." + r(UPPER_ALNUM, 64));
        token("EASYPOST_TOKEN", () -> (random.nextBoolean() ? "EZAK" : "EZTK") + r(ALNUM, 54));
        token(
                "FLUTTERWAVE_KEY",
                () -> (random.nextBoolean() ? "FLWPUBK_TEST-" : "FLWSECK_TEST-") + r("abcdefgh0123456789", 32) + "-X");
        token("FLYIO_TOKEN", () -> "fo1_" + r(URLSAFE, 43));
        token("FRAMEIO_TOKEN", () -> "fio-u-" + r(URLSAFE, 64));
        token(
                "GRAFANA_TOKEN",
                () -> random.nextBoolean() ? "glc_eyJ" + r(ALNUM, 80) : "glsa_" + r(ALNUM, 32) + "_" + r(HEX, 8));
        token("TERRAFORM_TOKEN", () -> r(ALNUM, 14) + ".atlasv1." + r(URLSAFE, 67));
        token("HEROKU_API_KEY", () -> "HRKU-AA" + r(URLSAFE, 58));
        token("INFRACOST_TOKEN", () -> "ico-" + r(ALNUM, 32));
        token("MAILGUN_KEY", () -> (random.nextBoolean() ? "key-" : "pubkey-") + r(HEX, 32));
        token("NEW_RELIC_KEY", () -> random.nextBoolean() ? "NRAK-" + r(UPPER_ALNUM, 27) : "NRJS-" + r(HEX, 19));
        token("NOTION_TOKEN", () -> "ntn_" + values.digits(11) + r(ALNUM, 35));
        token("OCTOPUS_DEPLOY_KEY", () -> "API-" + r(UPPER_ALNUM, 26));
        token("PERPLEXITY_API_KEY", () -> "pplx-" + r(ALNUM, 48));
        token(
                "PLANETSCALE_TOKEN",
                () -> "pscale_" + new String[] {"tkn_", "oauth_", "pw_"}[random.nextInt(3)] + r(ALNUM, 43));
        token("PREFECT_TOKEN", () -> "pnu_" + r(ALNUM, 36));
        token("PULUMI_TOKEN", () -> "pul-" + r(HEX, 40));
        token("README_TOKEN", () -> "rdme_" + r(LOWER_ALNUM, 70));
        token("RUBYGEMS_TOKEN", () -> "rubygems_" + r(HEX, 48));
        token("SCALINGO_TOKEN", () -> "tk-us-" + r(URLSAFE, 48));
        token("SENDINBLUE_TOKEN", () -> "xkeysib-" + r(HEX, 64) + "-" + r(ALNUM, 16));
        token("SENTRY_TOKEN", () -> "sntryu_" + r(HEX, 64));
        token("SHIPPO_TOKEN", () -> "shippo_" + (random.nextBoolean() ? "live_" : "test_") + r(HEX, 40));
        token(
                "SLACK_WEBHOOK_URL",
                () -> "https://hooks.slack.com/services/T" + r(UPPER_ALNUM, 8) + "/B" + r(UPPER_ALNUM, 8) + "/"
                        + r(ALNUM, 24));
        token("SQUARE_TOKEN", () -> random.nextBoolean() ? "sq0atp-" + r(URLSAFE, 22) : "sq0csp-" + r(URLSAFE, 43));
        token("TELEGRAM_BOT_TOKEN", () -> values.between(10000000, 99999999) + ":AA" + r(URLSAFE, 33));
        token("VAULT_TOKEN", () -> "hvs." + r(URLSAFE, 95));
        token("FACEBOOK_TOKEN", () -> "EAAC" + r(ALNUM, 150));
        token("MAPBOX_TOKEN", () -> "pk.eyJ" + r(URLSAFE, 80) + "." + r(URLSAFE, 22));
        token("SOURCEGRAPH_TOKEN", () -> "sgp_" + r(HEX, 16) + "_" + r(HEX, 40));
        token("HARNESS_API_KEY", () -> "pat." + r(URLSAFE, 22) + "." + r(HEX, 24) + "." + r(ALNUM, 20));
        token("TYPEFORM_TOKEN", () -> "tfp_" + r(URLSAFE, 59));
        token("CLICKHOUSE_KEY", () -> "4b1d" + r(ALNUM, 38));
        token("DEFINED_NETWORKING_TOKEN", () -> "dnkey-" + r(LOWER_ALNUM, 26) + "-" + r(LOWER_ALNUM, 52));
        token("MAXMIND_LICENSE_KEY", () -> r(ALNUM, 6) + "_" + r(ALNUM, 29) + "_mmk");
        token(
                "AUTHRESS_KEY",
                () -> "sc_" + r(LOWER_ALNUM, 12) + "." + r(LOWER_ALNUM, 5) + ".acc_" + r(LOWER_ALNUM, 20) + "."
                        + r(BASE64, 60));
        token("INTRA42_SECRET", () -> "s-s4t2ud-" + r(HEX, 64));
        token("OPENSHIFT_TOKEN", () -> "sha256~" + r(URLSAFE, 43));
        token(
                "SETTLEMINT_TOKEN",
                () -> "sm_" + new String[] {"aat", "pat", "sat"}[random.nextInt(3)] + "_" + r(ALNUM, 16));
        token(
                "STRIPE_SECRET_KEY",
                () -> (random.nextBoolean() ? "sk" : "rk") + "_"
                        + new String[] {"live", "test", "prod"}[random.nextInt(3)] + "_" + r(ALNUM, 40));
        token(
                "SLACK_TOKEN",
                () -> "xapp-1-A" + r(UPPER_ALNUM, 10) + "-" + values.digits(13) + "-" + r(LOWER_ALNUM, 64));
        // A JWT stored base64-encoded once more, as Kubernetes secrets and some configs hold one.
        for (int i = 0; i < POSITIVES; i++) {
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            String jwt = url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                    + "."
                    + url.encodeToString(("{\"sub\":\"" + r(ALNUM, 12) + "\",\"iat\":" + values.digits(10) + "}")
                            .getBytes(StandardCharsets.UTF_8))
                    + "." + r(URLSAFE, 43);
            positive("JWT", "auth: %s", Base64.getEncoder().encodeToString(jwt.getBytes(StandardCharsets.UTF_8)));
        }
        token("DOCKER_HUB_TOKEN", () -> "dckr_pat_" + r(URLSAFE, 27));
        token("GROQ_API_KEY", () -> "gsk_" + r(ALNUM, 48));
        token(
                "LANGSMITH_API_KEY",
                () -> "lsv2_" + (random.nextBoolean() ? "pt_" : "sk_") + r(LOWER_ALNUM, 32) + "_" + r(LOWER_ALNUM, 10));
        token("REPLICATE_API_TOKEN", () -> "r8_" + r(ALNUM, 37));
        token("AIRTABLE_TOKEN", () -> "pat" + r(ALNUM, 14) + "." + r(HEX, 64));
        token("CLAUDE_SESSION_URL", () -> "https://claude.ai/code/session_" + r(ALNUM, 24));
        token("ANTHROPIC_API_KEY", () -> "sk-ant-oat01-" + r(URLSAFE, 95));
        token("XAI_API_KEY", () -> "xai-" + r(ALNUM, 80));
        token(
                "TEAMS_WEBHOOK_URL",
                () -> "https://acme.webhook.office.com/webhookb2/" + uuid() + "@" + uuid() + "/IncomingWebhook/"
                        + r(HEX, 32) + "/" + uuid());
        token("AZURE_STORAGE_KEY", () -> "AccountKey=" + r(BASE64, 86) + "==");
        // Generic assignments: generated values are secrets; identifiers and phrases made of words are not.
        for (int i = 0; i < POSITIVES; i++) {
            String name = new String[] {"password", "db_password", "client_secret", "apiKey", "auth_token"}[i % 5];
            positive("GENERIC_SECRET", name + " = \"%s\"", r(ALNUM, 6) + values.digits(2) + r(ALNUM + "!#", 14));
        }
        for (int i = 0; i < DECOYS; i++) {
            String[] decoys = {
                "getAccessTokenForUser2",
                "Summer2024Welcome",
                "refresh_token_header_v2",
                "UserPasswordField1",
                "defaultSecretProvider3",
                "authServiceEndpoint42"
            };
            none("token = \"%s\"", decoys[i % decoys.length]);
        }
    }

    /**
     * What chat and code are full of and no type may report: hashes, commit ids, UUIDs, dates and
     * times, versions, prices, timestamps, order numbers, base64 blobs, hex colours, coordinates.
     */
    private void everydayDecoys() {
        String[] shapes = {
            "commit %s fixed the flaky test",
            "sha256: %s",
            "request id %s failed at the proxy",
            "released in version %s last week",
            "the invoice total is %s including tax",
            "uploaded at %s UTC",
            "image data: %s",
            "set the colour to %s in the theme",
            "we met at %s on the map",
        };
        for (int i = 0; i < 9 * DECOYS; i++) {
            String value = switch (i % 9) {
                case 0 -> r(HEX, 40);
                case 1 -> r(HEX, 64);
                case 2 -> uuid();
                case 3 -> values.between(1, 30) + "." + values.between(0, 40) + "." + values.between(0, 99);
                case 4 -> "$" + values.between(10, 99_999) + "." + values.digits(2);
                case 5 ->
                    "2026-"
                            + String.format(
                                    "%02d-%02dT%02d:%02d:%02d.%03dZ",
                                    values.between(1, 12),
                                    values.between(1, 28),
                                    values.between(0, 23),
                                    values.between(0, 59),
                                    values.between(0, 59),
                                    values.between(0, 999));
                case 6 -> r(BASE64, 60) + "==";
                case 7 -> "#" + r(HEX, 6);
                default ->
                    values.between(-89, 89) + "." + values.digits(6) + ", " + values.between(-179, 179) + "."
                            + values.digits(6);
            };
            none(shapes[i % 9], value);
        }
    }

    private String uuid() {
        return r(HEX, 8) + "-" + r(HEX, 4) + "-" + r(HEX, 4) + "-" + r(HEX, 4) + "-" + r(HEX, 12);
    }

    private void positive(String type, String shape, String value) {
        lines.add(type + "\t" + shape.replace("\n", "\\n").formatted("[[" + value + "]]"));
    }

    private void none(String shape, String value) {
        lines.add("NONE\t" + shape.replace("\n", "\\n").formatted(value));
    }
}
