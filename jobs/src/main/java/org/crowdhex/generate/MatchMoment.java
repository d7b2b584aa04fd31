package org.crowdhex.generate;

/**
 * The moments of a match day at which attendees post, each with its text templates per language
 * ({@code {stadium}}, {@code {hub}} and {@code {tag}} are filled in per scenario).
 */
enum MatchMoment {
  /** Gathering at the transit hub before the match. */
  AT_HUB(
      new String[] {
        "Verzamelen bij {hub}, op naar {stadium}! {tag}",
        "Wat een drukte op {hub}",
        "Op {hub}, nog even en dan {stadium}",
        "Treinen vol supporters bij {hub} {tag}"
      },
      new String[] {
        "Meeting up at {hub}, off to {stadium}! {tag}",
        "{hub} is packed with fans",
        "At {hub}, next stop {stadium}",
        "Queue at the station again"
      },
      new String[] {
        "Μαζευόμαστε στο {hub}, πάμε {stadium}! {tag}",
        "Γεμάτο κόσμο το {hub}",
        "Στο {hub}, επόμενη στάση {stadium}"
      }),
  /** Walking or riding from the hub to the stadium. */
  ON_THE_WAY(
      new String[] {
        "Onderweg naar {stadium} {tag}", "Volle tram richting {stadium}", "Nog tien minuten lopen"
      },
      new String[] {
        "On my way to {stadium} {tag}", "Packed tram towards {stadium}", "Ten more minutes to walk"
      },
      new String[] {
        "Καθ' οδόν για {stadium} {tag}", "Γεμάτο το τραμ για {stadium}", "Άλλα δέκα λεπτά περπάτημα"
      }),
  /** Through the gates, before kick-off. */
  AT_GATE(
      new String[] {
        "Binnen in {stadium}! {tag}",
        "Bijna aftrap in {stadium}",
        "Wat een sfeer in {stadium}! {tag}"
      },
      new String[] {
        "Made it into {stadium}! {tag}", "Kick-off soon at {stadium}", "Great seats today {tag}"
      },
      new String[] {
        "Μέσα στο {stadium}! {tag}",
        "Σε λίγο η σέντρα στο {stadium}",
        "Τι ατμόσφαιρα στο {stadium}! {tag}"
      }),
  /** During play. */
  PLAY(
      new String[] {
        "Wat een sfeer in {stadium}! {tag}",
        "Kom op jongens! {tag}",
        "Spannende wedstrijd",
        "Het hele stadion zingt {tag}"
      },
      new String[] {
        "What an atmosphere at {stadium}! {tag}",
        "Come on lads! {tag}",
        "Tense game so far",
        "The whole ground is singing {tag}"
      },
      new String[] {
        "Τι ατμόσφαιρα στο {stadium}! {tag}",
        "Πάμε παιδιά! {tag}",
        "Αγωνία μέχρι τέλους",
        "Όλο το γήπεδο τραγουδάει {tag}"
      }),
  HALF_TIME(
      new String[] {
        "Rust. Even wat drinken halen", "Rust in {stadium}, lange rij bij de kiosk", "Rust! {tag}"
      },
      new String[] {
        "Half-time. Time for a drink",
        "Half-time at {stadium}, long queue for food",
        "Half-time! {tag}"
      },
      new String[] {"Ημίχρονο, ουρά στην καντίνα", "Ημίχρονο στο {stadium}", "Ημίχρονο! {tag}"}),
  GOAL(
      new String[] {"GOAL!!! {tag}", "GOOOAL! {stadium} ontploft", "Wat een goal! {tag}"},
      new String[] {"GOAL!!! {tag}", "GOOOAL! {stadium} is bouncing", "What a goal! {tag}"},
      new String[] {"ΓΚΟΛ!!! {tag}", "ΓΚΟΟΟΛ! Σείεται το {stadium}", "Τι γκολ! {tag}"}),
  /** Leaving the stadium after the final whistle. */
  LEAVING(
      new String[] {
        "Wat een wedstrijd! {tag}",
        "Iedereen tegelijk naar buiten bij {stadium}",
        "Dat was genieten {tag}"
      },
      new String[] {
        "What a match! {tag}", "Everyone leaving {stadium} at once", "Loved every minute {tag}"
      },
      new String[] {
        "Τι ματς! {tag}", "Όλοι φεύγουν μαζί από το {stadium}", "Απολαύσαμε κάθε λεπτό {tag}"
      }),
  /** Back at a transit hub on the way home. */
  HOMEWARD(
      new String[] {
        "Weer in de rij op {hub}", "Terug naar huis via {hub}", "Volle perrons op {hub}"
      },
      new String[] {
        "Queue at the station again", "Heading home via {hub}", "Platforms packed at {hub}"
      },
      new String[] {
        "Πάλι ουρά στο {hub}", "Επιστροφή σπίτι από το {hub}", "Γεμάτες οι αποβάθρες στο {hub}"
      });

  private final String[][] templates;

  MatchMoment(String[] nl, String[] en, String[] el) {
    this.templates = new String[][] {nl, en, el};
  }

  /** The texts of this moment per language, with the scenario's names filled in. */
  String[][] texts(String stadiumName, String hubName, String tag) {
    String[][] out = new String[templates.length][];
    for (int lang = 0; lang < templates.length; lang++) {
      out[lang] = new String[templates[lang].length];
      for (int i = 0; i < templates[lang].length; i++) {
        out[lang][i] =
            templates[lang][i]
                .replace("{stadium}", stadiumName)
                .replace("{hub}", hubName)
                .replace("{tag}", tag);
      }
    }
    return out;
  }
}
