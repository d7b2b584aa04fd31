package org.crowdhex.generate;

import java.util.Locale;

/**
 * Short synthetic post texts in the city's language (Dutch in the Netherlands, Greek in Greece,
 * English elsewhere) and English, which visitors and expats use everywhere.
 *
 * <p>Texts are invented and name no persons; match texts name only the venues of the scenario. Each
 * text is built once per run, so choosing one for a post costs an array index.
 */
final class PostTexts {
  static final byte NL = 0;
  static final byte EN = 1;
  static final byte EL = 2;
  private static final String[] CODES = {"nl", "en", "el"};

  /** Share of authors who post in the city's own language when it is not English. */
  static final double LOCAL_LANGUAGE_SHARE = 0.75;

  private static final String[][] BACKGROUND = {
    {
      "Lekker weer vandaag",
      "Koffie op het terras",
      "Druk in de stad",
      "Eindelijk weekend",
      "Even boodschappen doen",
      "Mooie avond",
      "Fietsen door de stad",
      "Nieuwe lunchplek ontdekt",
      "Alweer file op de brug",
      "Goedemorgen!",
      "Regen, alweer",
      "Zin in vanavond"
    },
    {
      "Lovely weather today",
      "Coffee on the terrace",
      "Busy in town today",
      "Finally the weekend",
      "Quick grocery run",
      "Nice evening out",
      "Cycling through the city",
      "Found a new lunch spot",
      "Traffic on the bridge again",
      "Good morning!",
      "Rain, again",
      "Looking forward to tonight"
    },
    {
      "Ωραίος καιρός σήμερα",
      "Καφές στην πλατεία",
      "Πολλή κίνηση στην πόλη",
      "Επιτέλους Σαββατοκύριακο",
      "Ψώνια για το σπίτι",
      "Ωραίο βράδυ",
      "Βόλτα στην πόλη",
      "Νέο μέρος για φαγητό",
      "Κίνηση στο κέντρο πάλι",
      "Καλημέρα!",
      "Βρέχει πάλι",
      "Ανυπομονώ για απόψε"
    }
  };

  private static final String[][] BOT = {
    {
      "Gratis volgers! Link in bio",
      "Beste deals van de stad, check onze site",
      "Win een gratis telefoon, klik de link",
      "Thuiswerken en 500 euro per dag verdienen? Stuur een DM"
    },
    {
      "Free followers! Link in bio",
      "Best deals in town, check our site",
      "Win a free phone, click the link",
      "Daily crypto signals, DM us"
    },
    {
      "Δωρεάν ακόλουθοι! Σύνδεσμος στο προφίλ",
      "Οι καλύτερες προσφορές της πόλης",
      "Κέρδισε δωρεάν κινητό, πάτα το σύνδεσμο",
      "Καθημερινά σήματα κρυπτονομισμάτων, στείλε μήνυμα"
    }
  };

  private PostTexts() {}

  static String code(byte language) {
    return CODES[language];
  }

  /** The city's language from where its centre lies (rough country boxes suffice for this). */
  static byte cityLanguage(double lat, double lon) {
    if (lat >= 50.7 && lat <= 53.7 && lon >= 3.2 && lon <= 7.3) {
      return NL;
    }
    if (lat >= 34.5 && lat <= 41.8 && lon >= 19.3 && lon <= 29.7) {
      return EL;
    }
    return EN;
  }

  /** An author's language: the city's for most, English for visitors and expats. */
  static byte authorLanguage(java.util.SplittableRandom random, byte cityLanguage) {
    if (cityLanguage == EN || random.nextDouble() >= LOCAL_LANGUAGE_SHARE) {
      return EN;
    }
    return cityLanguage;
  }

  static String[][] background() {
    return BACKGROUND;
  }

  static String[][] bot() {
    return BOT;
  }

  /** A hashtag made from a venue's name: "De Kuip" gives "#DeKuip". */
  static String tag(String venueName) {
    StringBuilder sb = new StringBuilder("#");
    boolean upper = true;
    for (int i = 0; i < venueName.length(); i++) {
      char ch = venueName.charAt(i);
      if (Character.isLetterOrDigit(ch)) {
        sb.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      } else {
        upper = true;
      }
    }
    return sb.length() > 1 ? sb.toString() : "#" + venueName.toLowerCase(Locale.ROOT);
  }
}
