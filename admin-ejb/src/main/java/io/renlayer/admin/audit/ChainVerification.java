package io.renlayer.admin.audit;

/**
 * The result of walking one audit chain: {@code valid} when every entry's hash matches its content
 * and links to the previous entry. {@code headHash} is what an operator anchors elsewhere to also
 * detect the removal of the newest entries.
 */
public record ChainVerification(
        boolean valid, long entries, Long headSeq, String headHash, Long firstInvalidSeq, String problem) {}
