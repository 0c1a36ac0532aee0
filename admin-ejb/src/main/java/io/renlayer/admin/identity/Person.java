package io.renlayer.admin.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;

/** Who a provider's token is about: its subject, and the e-mail and name to show for them. */
public record Person(String subject, String email, String displayName) {

    static Person of(JWTClaimsSet claims) throws ParseException {
        String subject = claims.getSubject();
        String email = claims.getStringClaim("email");
        String username = claims.getStringClaim("preferred_username");
        String name = claims.getStringClaim("name");
        String shown = email != null ? email : username != null ? username : subject;
        return new Person(subject, shown, name != null ? name : username);
    }
}
