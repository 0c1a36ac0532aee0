package io.renlayer.plugins.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Each check against the examples its issuer or standard publishes (specimens, documentation
 * values), then the same value with one character changed. The generated evaluation set is made
 * by code written from the same descriptions; these pin both to the published values.
 */
class IdChecksTest {

    private static void validThenNot(Predicate<String> check, String published, String altered) {
        assertThat(check.test(published)).as(published).isTrue();
        assertThat(check.test(altered)).as(altered).isFalse();
    }

    @Test
    void europeanIdentifiers() {
        validThenNot(IdChecks::ukNhs, "943 476 5919", "943 476 5918");
        validThenNot(IdChecks::esNif, "12345678Z", "12345678A");
        validThenNot(IdChecks::esNie, "X1234567L", "X1234567M");
        validThenNot(IdChecks::itFiscalCode, "RSSMRA85T10A562S", "RSSMRA85T10A562T");
        validThenNot(IdChecks::plPesel, "44051401359", "44051401358");
        validThenNot(IdChecks::fiPersonalIdentityCode, "131052-308T", "131052-308U");
        validThenNot(IdChecks::nlBsn, "111222333", "111222334");
        validThenNot(IdChecks::deTaxId, "86095742719", "86095742718");
        validThenNot(
                IdChecks::mrzTd3,
                "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
                "L898902C36UTO7408122F1204159ZE184226B<<<<<11");
        assertThat(IdChecks.ukNino("AB 12 34 56 C")).isTrue();
        assertThat(IdChecks.ukNino("BG 12 34 56 C")).isFalse(); // a prefix HMRC never issues
        assertThat(IdChecks.ukNino("QQ 12 34 56 C")).isFalse(); // HMRC's specimen: Q is never issued
        assertThat(IdChecks.deTaxId("11111111111")).isFalse(); // one digit ten times
    }

    @Test
    void asiaPacificIdentifiers() {
        validThenNot(IdChecks::sgNricFin, "S1234567D", "S1234567E");
        validThenNot(IdChecks::auTfn, "123 456 782", "123 456 783");
        validThenNot(IdChecks::auAbn, "51 824 753 556", "51 824 753 557");
        validThenNot(IdChecks::auAcn, "000 000 019", "000 000 018");
        validThenNot(IdChecks::auMedicare, "2123 45670 1", "2123 45671 1");
        validThenNot(IdChecks::inGstin, "27AAPFU0939F1ZV", "27AAPFU0939F1ZW");
        assertThat(IdChecks.verhoeff("2363")).isTrue(); // Verhoeff's worked example
        assertThat(IdChecks.verhoeff("2364")).isFalse();
    }

    @Test
    void americanIdentifiers() {
        validThenNot(IdChecks::brCpf, "111.444.777-35", "111.444.777-36");
        validThenNot(IdChecks::brCnpj, "11.222.333/0001-81", "11.222.333/0001-82");
        validThenNot(IdChecks::usDea, "AB1234563", "AB1234564");
        assertThat(IdChecks.usItin("912-70-1234")).isTrue();
        assertThat(IdChecks.usItin("912-43-1234")).isFalse(); // a group the IRS does not issue
    }

    @Test
    void cryptocurrencyAddresses() {
        validThenNot(
                CryptoAddresses::valid, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3");
        validThenNot(
                CryptoAddresses::valid, "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz");
        validThenNot(
                CryptoAddresses::valid,
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp");
        validThenNot(
                CryptoAddresses::valid,
                "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
                "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3298");
        validThenNot(
                CryptoAddresses::valid,
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD");
        validThenNot(
                CryptoAddresses::valid,
                "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                "0xFb6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
    }

    @Test
    void cardsAreGroupedAsCardsAreAndAsLongAsTheirIssuerMakesThem() {
        assertThat(Checksums.creditCard("4111 1111 1111 1111")).isTrue();
        assertThat(Checksums.creditCard("3782 822463 10005")).isTrue(); // American Express, 4-6-5
        assertThat(Checksums.creditCard("4111-11-1111-111-111")).isFalse(); // grouped as no card is
        assertThat(Checksums.creditCard("270071183082845")).isFalse(); // a 2-series Mastercard has 16 digits
    }
}
