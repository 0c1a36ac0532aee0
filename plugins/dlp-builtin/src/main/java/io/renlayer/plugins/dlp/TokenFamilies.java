package io.renlayer.plugins.dlp;

import java.util.List;
import java.util.function.Predicate;

/**
 * Credentials that announce themselves: every token family with a fixed prefix (or a fixed
 * marker) that gitleaks has a rule for, one finding type per vendor. The prefixes are the
 * keywords of {@link KeywordIndex}: one pass over the text finds them all, and a family's pattern
 * runs only where its prefix is. Where the format carries a checksum it is verified (npm's CRC32,
 * as GitHub's); PyPI's tokens are macaroons whose fixed prefix encodes "pypi.org".
 */
final class TokenFamilies {

    private TokenFamilies() {}

    /**
     * One vendor's tokens.
     *
     * @param gitleaks the ids of the gitleaks rules it covers (docs/dlp.md lists them)
     * @param prefixes the literal every token contains, case as written
     * @param pattern  the token, from its first character
     * @param before   how far before a prefix the token can start (0 when it starts with it)
     * @param length   the longest token
     */
    record Family(
            String type,
            List<String> gitleaks,
            List<String> prefixes,
            String pattern,
            Predicate<String> valid,
            int before,
            int length) {

        PatternRule rule() {
            return PatternRule.of(
                            type, prefixes, "(?<![A-Za-z0-9_+/.-])(?:" + pattern + ")(?![A-Za-z0-9_+/-])", valid, 0.97)
                    .nearKeywords(before + 1, length + 1);
        }
    }

    private static Family family(
            String type, List<String> gitleaks, List<String> prefixes, String pattern, int length) {
        return new Family(type, gitleaks, prefixes, pattern, TokenFamilies::random, 0, length);
    }

    /** Not a word or a repeated char: at least three bits of entropy per character. */
    static boolean random(String token) {
        return Checksums.entropy(token) >= 3.0;
    }

    static final List<Family> FAMILIES = List.of(
            family(
                    "GITLAB_TOKEN",
                    List.of(
                            "gitlab-pat",
                            "gitlab-ptt",
                            "gitlab-rrt",
                            "gitlab-deploy-token",
                            "gitlab-runner-authentication-token",
                            "gitlab-feed-token",
                            "gitlab-incoming-mail-token",
                            "gitlab-kubernetes-agent-token",
                            "gitlab-oauth-app-secret",
                            "gitlab-scim-token",
                            "gitlab-cicd-job-token",
                            "gitlab-feature-flag-client-token",
                            "gitlab-pat-routable",
                            "gitlab-runner-authentication-token-routable",
                            "gitlab-session-cookie"),
                    List.of(
                            "glpat-",
                            "gldt-",
                            "glrt-",
                            "glft-",
                            "glsoat-",
                            "glffct-",
                            "glptt-",
                            "GR1348941",
                            "glimt-",
                            "glagent-",
                            "gloas-",
                            "glcbt-",
                            "_gitlab_session="),
                    "gl(?:pat|dt|rt|ft|soat|ffct)-[0-9A-Za-z_.-]{20,300}|glptt-[0-9a-f]{40}|GR1348941[0-9A-Za-z_-]{20}"
                            + "|glimt-[0-9A-Za-z_-]{25}|glagent-[0-9A-Za-z_-]{50}|gloas-[0-9A-Za-z_-]{64}"
                            + "|glcbt-[0-9A-Za-z]{1,5}_[0-9A-Za-z_-]{20}|_gitlab_session=[0-9a-z]{32}",
                    310),
            new Family(
                    "NPM_TOKEN",
                    List.of("npm-access-token"),
                    List.of("npm_"),
                    "npm_[A-Za-z0-9]{36}",
                    Checksums::githubToken,
                    0,
                    40),
            new Family(
                    "PYPI_TOKEN",
                    List.of("pypi-upload-token"),
                    List.of("pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"),
                    "pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}|pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000}",
                    v -> true,
                    0,
                    1030),
            family(
                    "HUGGINGFACE_TOKEN",
                    List.of("huggingface-access-token", "huggingface-organization-api-token"),
                    List.of("hf_", "api_org_"),
                    "hf_[A-Za-z]{34}|api_org_[A-Za-z]{34}",
                    42),
            family("TWILIO_API_KEY", List.of("twilio-api-key"), List.of("SK"), "SK[0-9a-fA-F]{32}", 34),
            family(
                    "SENDGRID_API_KEY",
                    List.of("sendgrid-api-token"),
                    List.of("SG."),
                    "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}",
                    69),
            family(
                    "SHOPIFY_TOKEN",
                    List.of(
                            "shopify-access-token",
                            "shopify-custom-access-token",
                            "shopify-private-app-access-token",
                            "shopify-shared-secret"),
                    List.of("shpat_", "shpca_", "shppa_", "shpss_"),
                    "shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}",
                    38),
            family(
                    "DIGITALOCEAN_TOKEN",
                    List.of("digitalocean-pat", "digitalocean-access-token", "digitalocean-refresh-token"),
                    List.of("dop_v1_", "doo_v1_", "dor_v1_"),
                    "do[opr]_v1_[a-f0-9]{64}",
                    71),
            new Family(
                    "AZURE_STORAGE_KEY",
                    List.of(),
                    List.of("AccountKey="),
                    "AccountKey=[A-Za-z0-9+/]{86}==",
                    v -> true,
                    0,
                    100),
            new Family(
                    "AZURE_AD_CLIENT_SECRET",
                    List.of("azure-ad-client-secret"),
                    List.of("Q~"),
                    "[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}",
                    TokenFamilies::random,
                    4,
                    40),
            family(
                    "DATABRICKS_TOKEN",
                    List.of("databricks-api-token"),
                    List.of("dapi"),
                    "dapi[a-f0-9]{32}(?:-\\d)?",
                    38),
            family(
                    "DOPPLER_TOKEN",
                    List.of("doppler-api-token"),
                    List.of("dp.pt.", "dp.st.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."),
                    "dp\\.(?:pt|st|ct|sa|scim|audit)\\.[A-Za-z0-9]{40,44}",
                    54),
            family("LINEAR_API_KEY", List.of("linear-api-key"), List.of("lin_api_"), "lin_api_[A-Za-z0-9]{40}", 48),
            family(
                    "POSTMAN_API_KEY",
                    List.of("postman-api-token"),
                    List.of("PMAK-"),
                    "PMAK-[a-f0-9]{24}-[a-f0-9]{34}",
                    64),
            family(
                    "ATLASSIAN_API_TOKEN",
                    List.of("atlassian-api-token"),
                    List.of("ATATT3"),
                    "ATATT3[A-Za-z0-9_=-]{186}",
                    192),
            family(
                    "AGE_SECRET_KEY",
                    List.of("age-secret-key"),
                    List.of("AGE-SECRET-KEY-1"),
                    "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
                    74),
            family(
                    "ALIBABA_ACCESS_KEY_ID",
                    List.of("alibaba-access-key-id"),
                    List.of("LTAI"),
                    "LTAI[A-Za-z0-9]{20}",
                    24),
            family(
                    "ARTIFACTORY_TOKEN",
                    List.of("artifactory-api-key", "artifactory-reference-token"),
                    List.of("AKCp", "cmVmd"),
                    "AKCp[A-Za-z0-9]{69}|cmVmd[A-Za-z0-9]{59}",
                    73),
            family(
                    "ONEPASSWORD_TOKEN",
                    List.of("1password-secret-key", "1password-service-account-token"),
                    List.of("A3-", "ops_eyJ"),
                    "A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}"
                            + "|ops_eyJ[A-Za-z0-9+/]{250,2000}={0,3}",
                    2010),
            family("CLOJARS_TOKEN", List.of("clojars-api-token"), List.of("CLOJARS_"), "CLOJARS_[a-z0-9]{60}", 68),
            family("ADOBE_CLIENT_SECRET", List.of("adobe-client-secret"), List.of("p8e-"), "p8e-[A-Za-z0-9]{32}", 36),
            family(
                    "CLOUDFLARE_ORIGIN_CA_KEY",
                    List.of("cloudflare-origin-ca-key"),
                    List.of("v1.0-"),
                    "v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}",
                    176),
            family(
                    "DUFFEL_TOKEN",
                    List.of("duffel-api-token"),
                    List.of("duffel_test_", "duffel_live_"),
                    "duffel_(?:test|live)_[A-Za-z0-9_=-]{43}",
                    55),
            family(
                    "DYNATRACE_TOKEN",
                    List.of("dynatrace-api-token"),
                    List.of("dt0c01."),
                    "dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}",
                    96),
            family(
                    "EASYPOST_TOKEN",
                    List.of("easypost-api-token", "easypost-test-api-token"),
                    List.of("EZAK", "EZTK"),
                    "EZ[AT]K[A-Za-z0-9]{54}",
                    58),
            family(
                    "FLUTTERWAVE_KEY",
                    List.of("flutterwave-public-key", "flutterwave-secret-key", "flutterwave-encryption-key"),
                    List.of("FLWPUBK_TEST-", "FLWSECK_TEST"),
                    "FLW(?:PUB|SEC)K_TEST-[a-hA-H0-9]{32}-X|FLWSECK_TEST[a-hA-H0-9]{12}",
                    48),
            family(
                    "FLYIO_TOKEN",
                    List.of("flyio-access-token"),
                    List.of("fo1_", "fm1a_", "fm1r_", "fm2_"),
                    "fo1_[A-Za-z0-9_-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,2000}={0,3}|fm2_[A-Za-z0-9+/]{100,2000}={0,3}",
                    2010),
            family("FRAMEIO_TOKEN", List.of("frameio-api-token"), List.of("fio-u-"), "fio-u-[A-Za-z0-9_=-]{64}", 70),
            family(
                    "GRAFANA_TOKEN",
                    List.of("grafana-api-key", "grafana-cloud-api-token", "grafana-service-account-token"),
                    List.of("glc_eyJ", "glsa_", "eyJrIjoi"),
                    "glc_eyJ[A-Za-z0-9+/]{60,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|eyJrIjoi[A-Za-z0-9]{70,400}={0,2}",
                    410),
            new Family(
                    "TERRAFORM_TOKEN",
                    List.of("hashicorp-tf-api-token"),
                    List.of(".atlasv1."),
                    "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}",
                    TokenFamilies::random,
                    14,
                    93),
            family("HEROKU_API_KEY", List.of("heroku-api-key-v2"), List.of("HRKU-AA"), "HRKU-AA[0-9A-Za-z_-]{58}", 65),
            family("INFRACOST_TOKEN", List.of("infracost-api-token"), List.of("ico-"), "ico-[A-Za-z0-9]{32}", 36),
            family(
                    "MAILGUN_KEY",
                    List.of("mailgun-private-api-token", "mailgun-pub-key"),
                    List.of("key-", "pubkey-"),
                    "(?:pub)?key-[a-f0-9]{32}",
                    39),
            family(
                    "NEW_RELIC_KEY",
                    List.of("new-relic-user-api-key", "new-relic-insert-key", "new-relic-browser-api-token"),
                    List.of("NRAK-", "NRII-", "NRJS-"),
                    "NRAK-[A-Za-z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|NRJS-[a-f0-9]{19}",
                    37),
            family("NOTION_TOKEN", List.of("notion-api-token"), List.of("ntn_"), "ntn_\\d{11}[A-Za-z0-9]{35}", 50),
            family("OCTOPUS_DEPLOY_KEY", List.of("octopus-deploy-api-key"), List.of("API-"), "API-[A-Z0-9]{26}", 30),
            family("PERPLEXITY_API_KEY", List.of("perplexity-api-key"), List.of("pplx-"), "pplx-[A-Za-z0-9]{48}", 53),
            family(
                    "PLANETSCALE_TOKEN",
                    List.of("planetscale-api-token", "planetscale-oauth-token", "planetscale-password"),
                    List.of("pscale_tkn_", "pscale_oauth_", "pscale_pw_"),
                    "pscale_(?:tkn|oauth|pw)_[A-Za-z0-9_.=-]{32,64}",
                    77),
            family("PREFECT_TOKEN", List.of("prefect-api-token"), List.of("pnu_"), "pnu_[A-Za-z0-9]{36}", 40),
            family("PULUMI_TOKEN", List.of("pulumi-api-token"), List.of("pul-"), "pul-[a-f0-9]{40}", 44),
            family("README_TOKEN", List.of("readme-api-token"), List.of("rdme_"), "rdme_[a-z0-9]{70}", 75),
            family("RUBYGEMS_TOKEN", List.of("rubygems-api-token"), List.of("rubygems_"), "rubygems_[a-f0-9]{48}", 57),
            family("SCALINGO_TOKEN", List.of("scalingo-api-token"), List.of("tk-us-"), "tk-us-[A-Za-z0-9_-]{48}", 54),
            family(
                    "SENDINBLUE_TOKEN",
                    List.of("sendinblue-api-token"),
                    List.of("xkeysib-"),
                    "xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}",
                    89),
            family(
                    "SENTRY_TOKEN",
                    List.of("sentry-user-token", "sentry-org-token"),
                    List.of("sntryu_", "sntrys_eyJ"),
                    "sntryu_[a-f0-9]{64}|sntrys_eyJ[A-Za-z0-9+/=_]{80,400}",
                    410),
            family(
                    "SHIPPO_TOKEN",
                    List.of("shippo-api-token"),
                    List.of("shippo_live_", "shippo_test_"),
                    "shippo_(?:live|test)_[a-fA-F0-9]{40}",
                    52),
            new Family(
                    "SLACK_WEBHOOK_URL",
                    List.of("slack-webhook-url"),
                    List.of("hooks.slack.com/"),
                    "(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56}",
                    TokenFamilies::random,
                    8,
                    90),
            family(
                    "SQUARE_TOKEN",
                    List.of("square-access-token", "square-secret"),
                    List.of("EAAA", "sq0atp-", "sq0csp-"),
                    "EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43}",
                    64),
            new Family(
                    "TELEGRAM_BOT_TOKEN",
                    List.of("telegram-bot-api-token"),
                    List.of(":AA"),
                    "\\d{5,16}:AA[A-Za-z0-9_-]{33}",
                    TokenFamilies::random,
                    16,
                    52),
            family(
                    "VAULT_TOKEN",
                    List.of("vault-service-token", "vault-batch-token"),
                    List.of("hvs.", "hvb."),
                    "hvs\\.[A-Za-z0-9_-]{90,120}|hvb\\.[A-Za-z0-9_-]{138,300}",
                    304),
            new Family(
                    "TEAMS_WEBHOOK_URL",
                    List.of("microsoft-teams-webhook"),
                    List.of(".webhook.office.com/"),
                    "https://[a-z0-9]{1,60}\\.webhook\\.office\\.com/webhookb2/[a-z0-9-]{36}@[a-z0-9-]{36}"
                            + "/IncomingWebhook/[a-z0-9]{32}/[a-z0-9-]{36}",
                    TokenFamilies::random,
                    68,
                    260),
            family(
                    "FACEBOOK_TOKEN",
                    List.of("facebook-page-access-token"),
                    List.of("EAAM", "EAAC"),
                    "EAA[MC][A-Za-z0-9]{100,400}",
                    404),
            family(
                    "MAPBOX_TOKEN",
                    List.of("mapbox-api-token"),
                    List.of("pk.eyJ", "sk.eyJ"),
                    "[ps]k\\.eyJ[A-Za-z0-9_-]{50,300}\\.[A-Za-z0-9_-]{22}",
                    330),
            family(
                    "SOURCEGRAPH_TOKEN",
                    List.of("sourcegraph-access-token"),
                    List.of("sgp_"),
                    "sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40}",
                    61),
            family(
                    "HARNESS_API_KEY",
                    List.of("harness-api-key"),
                    List.of("pat.", "sat."),
                    "(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}",
                    72),
            family("TYPEFORM_TOKEN", List.of("typeform-api-token"), List.of("tfp_"), "tfp_[A-Za-z0-9_.=-]{59}", 63),
            family(
                    "CLICKHOUSE_KEY",
                    List.of("clickhouse-cloud-api-secret-key"),
                    List.of("4b1d"),
                    "4b1d[A-Za-z0-9]{38}",
                    42),
            family(
                    "DEFINED_NETWORKING_TOKEN",
                    List.of("defined-networking-api-token"),
                    List.of("dnkey-"),
                    "dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52}",
                    85),
            new Family(
                    "MAXMIND_LICENSE_KEY",
                    List.of("maxmind-license-key"),
                    List.of("_mmk"),
                    "[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk",
                    TokenFamilies::random,
                    36,
                    40),
            new Family(
                    "AUTHRESS_KEY",
                    List.of("authress-service-client-access-key"),
                    List.of(".acc_", ".acc-"),
                    "(?:sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\\.[A-Za-z0-9]{4,6}\\.acc[_-][A-Za-z0-9-]{10,32}"
                            + "\\.[A-Za-z0-9+/_=-]{30,120}",
                    TokenFamilies::random,
                    48, // the marker follows the client id and key id
                    200),
            family(
                    "INTRA42_SECRET",
                    List.of("intra42-client-secret"),
                    List.of("s-s4t2ud-", "s-s4t2af-"),
                    "s-s4t2(?:ud|af)-[a-f0-9]{64}",
                    73),
            family(
                    "OPENSHIFT_TOKEN",
                    List.of("openshift-user-token"),
                    List.of("sha256~"),
                    "sha256~[A-Za-z0-9_-]{43}",
                    50),
            family(
                    "SETTLEMINT_TOKEN",
                    List.of(
                            "settlemint-application-access-token",
                            "settlemint-personal-access-token",
                            "settlemint-service-access-token"),
                    List.of("sm_aat_", "sm_pat_", "sm_sat_"),
                    "sm_(?:aat|pat|sat)_[A-Za-z0-9]{16}",
                    23),
            new Family(
                    "JWT",
                    List.of("jwt-base64"),
                    List.of("ZXlK"),
                    "ZXlK[A-Za-z0-9+/]{40,8000}={0,2}",
                    Checksums::base64Jwt,
                    0,
                    8010),
            family("DOCKER_HUB_TOKEN", List.of(), List.of("dckr_pat_"), "dckr_pat_[A-Za-z0-9_-]{27}", 36),
            family("GROQ_API_KEY", List.of("groq-api-key"), List.of("gsk_"), "gsk_[A-Za-z0-9]{48}", 52),
            family(
                    "LANGSMITH_API_KEY",
                    List.of("langsmith-api-key"),
                    List.of("lsv2_pt_", "lsv2_sk_"),
                    "lsv2_(?:pt|sk)_[a-z0-9]{32}_[a-z0-9]{10}",
                    51),
            family("REPLICATE_API_TOKEN", List.of(), List.of("r8_"), "r8_[A-Za-z0-9]{37}", 40),
            family(
                    "AIRTABLE_TOKEN",
                    List.of("airtable-personnal-access-token"),
                    List.of("pat"),
                    "pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}",
                    82),
            new Family(
                    "CLAUDE_SESSION_URL",
                    List.of("claude-code-session-url"),
                    List.of("claude.ai/code/session_"),
                    "https?://claude\\.ai/code/session_[A-Za-z0-9]{16,64}",
                    TokenFamilies::random,
                    8,
                    100),
            family("XAI_API_KEY", List.of(), List.of("xai-"), "xai-[A-Za-z0-9]{80}", 84));

    static final List<PatternRule> RULES = FAMILIES.stream().map(Family::rule).toList();
}
