package org.twinflow.system.web;

/**
 * The text Twinflow accepts wherever people type it: any Unicode text, in any script, with line breaks
 * and tabs, but no other control characters (C0 except TAB, LF and CR; DEL; C1), no noncharacters, no
 * unpaired surrogates, and no U+FFFD REPLACEMENT CHARACTER, which is what a decoder leaves where the
 * bytes sent were not valid UTF-8: such text was damaged on its way and is refused rather than stored
 * damaged. Accepted text is stored exactly as typed (no normalisation), so it reads back unchanged.
 */
public final class AcceptedText {

    private AcceptedText() {
    }

    /** Whether the text may be stored; null is. */
    public static boolean isAccepted(CharSequence text) {
        return text == null || firstRefused(text) < 0;
    }

    /** The index of the first character that is not accepted, or -1. */
    public static int firstRefused(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                if (isNoncharacter(codePoint)) {
                    return i;
                }
                i++;
            } else if (Character.isSurrogate(c) || isRefused(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isRefused(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFD' || isNoncharacter(c);
    }

    /** U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE ...). */
    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
