package cn.dzn.talent.bases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import cn.dzn.platform.regions.Region;
import cn.dzn.talent.common.Formats;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who completed which courses of a training base: one record per base and trainee, under the
 * natural key derived from the two ids (CompletionResource.key), recorded by the base's region (a base trains people from
 * anywhere). The trainee is named by the professional's id only, never by personal data.
 */
public record CompletionInput(
        @NotNull @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "must be a training base's id") String baseId,
        @NotNull @Size(max = Formats.TALENT_ID_LENGTH) @Pattern(regexp = Formats.TALENT_ID, message = Formats.TALENT_ID_MESSAGE) String talentId,
        @NotNull @Size(max = Formats.REGION_LENGTH) @Region String regionCode,
        @NotEmpty @Size(max = 200) List<@NotNull @Valid CompletedCourse> courses,
        Long version) {

    /**
     * The record's id: {@code c} and the first 32 hex digits of SHA-256 over
     * {@code baseId/talentId}, since the two ids side by side could pass the kit's 64 characters.
     */
    public static String key(String baseId, String talentId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((baseId + "/" + talentId).getBytes(StandardCharsets.UTF_8));
            return "c" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
