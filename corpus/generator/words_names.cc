// Personal names, grouped so that first and last names fit together. Written for this
// generator; includes diacritics (José, Müller, Yılmaz, Nguyễn) and transliterations from
// Cyrillic (Kovalenko, Kuznetsov) on purpose, so that text folding gets exercised.
#include "corpus/generator/word_lists.h"

namespace gazette::generator {
namespace {

using SV = std::string_view;

constexpr SV kEnglishFirst[] = {"James",  "Sarah",  "Michael", "Emily",  "David",    "Laura",
                                "Thomas", "Rachel", "Daniel",  "Hannah", "Robert",   "Claire",
                                "Peter",  "Megan",  "Andrew",  "Olivia", "Jonathan", "Grace"};
constexpr SV kEnglishLast[] = {"Smith",  "Johnson", "Williams", "Brown",  "Taylor",   "Wilson",
                               "Davies", "Evans",   "Clarke",   "Walker", "Wright",   "Hughes",
                               "Turner", "Hall",    "Bennett",  "Foster", "Harrison", "Price"};
constexpr SV kIrishFirst[] = {"Siobhán", "Ciarán", "Aoife",  "Seán",
                              "Niamh",   "Eoin",   "Róisín", "Pádraig"};
constexpr SV kIrishLast[] = {"O'Brien", "Murphy",     "Byrne",     "MacLeod",
                             "Kennedy", "O'Sullivan", "Gallagher", "Doyle"};
constexpr SV kSpanishFirst[] = {"José",   "María",     "Javier", "Lucía",    "Carlos",
                                "Carmen", "Alejandro", "Sofía",  "Andrés",   "Elena",
                                "Raúl",   "Inés",      "Diego",  "Valentina"};
constexpr SV kSpanishLast[] = {"García", "Fernández", "López",    "Martínez", "Sánchez",
                               "Pérez",  "Gómez",     "Ruiz",     "Jiménez",  "Moreno",
                               "Muñoz",  "Álvarez",   "Castillo", "Ortega"};
constexpr SV kPortugueseFirst[] = {"João",    "Ana",     "Luís",    "Beatriz", "Tiago",
                                   "Mariana", "Gonçalo", "Larissa", "Rafael",  "Camila"};
constexpr SV kPortugueseLast[] = {"Silva",     "Santos",  "Oliveira",  "Souza",  "Pereira", "Costa",
                                  "Rodrigues", "Almeida", "Gonçalves", "Araújo", "Carvalho"};
constexpr SV kGermanFirst[] = {"Jürgen", "Anna", "Matthias", "Katrin", "Stefan",    "Sabine",
                               "Lukas",  "Jörg", "Ulrike",   "Tobias", "Franziska", "Günter"};
constexpr SV kGermanLast[] = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber",    "Meyer",
                              "Wagner", "Becker",  "Schäfer",   "Köhler",  "Hoffmann", "Krüger"};
constexpr SV kFrenchFirst[] = {"François", "Amélie", "Jérôme",   "Céline", "Olivier", "Hélène",
                               "Étienne",  "Chloé",  "Thibault", "Élodie", "Mathieu", "Noémie"};
constexpr SV kFrenchLast[] = {"Martin", "Bernard",  "Dubois",   "Lefèvre",   "Moreau",  "Laurent",
                              "Girard", "Rousseau", "Fontaine", "Chevalier", "Mercier", "Lemaire"};
constexpr SV kItalianFirst[] = {"Giuseppe", "Giulia", "Marco",      "Francesca", "Luca",
                                "Chiara",   "Matteo", "Alessandra", "Niccolò",   "Federica"};
constexpr SV kItalianLast[] = {"Rossi",   "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",
                               "Colombo", "Ricci", "Marino",  "Greco",    "Bruno",   "Conti"};
constexpr SV kPolishCzechFirst[] = {"Krzysztof", "Agnieszka", "Paweł",  "Małgorzata", "Tomasz",
                                    "Katarzyna", "Jiří",      "Zuzana", "Łukasz",     "Magdalena"};
constexpr SV kPolishCzechLast[] = {"Nowak",  "Wójcik", "Kowalczyk", "Mazur", "Krawczyk",
                                   "Dvořák", "Novák",  "Svoboda",   "Horák", "Procházka"};
constexpr SV kUkrainianFirst[] = {"Olena",  "Oleksandr", "Iryna",  "Andriy", "Yulia",
                                  "Dmytro", "Tetiana",   "Serhiy", "Oksana", "Mykola"};
constexpr SV kUkrainianLast[] = {"Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko",
                                 "Melnyk",    "Marchenko",  "Lysenko",    "Savchenko", "Rudenko"};
constexpr SV kRussianFirst[] = {"Dmitry",   "Natalya", "Sergei",    "Yekaterina", "Alexei",
                                "Svetlana", "Mikhail", "Anastasia", "Yuri",       "Galina"};
constexpr SV kRussianLast[] = {"Ivanov",  "Smirnov", "Kuznetsov", "Popov",   "Sokolov",
                               "Lebedev", "Volkov",  "Morozov",   "Novikov", "Fyodorov"};
constexpr SV kArabicFirst[] = {"Ahmed",  "Fatima", "Omar",   "Layla", "Youssef", "Mariam",
                               "Khalid", "Nour",   "Hassan", "Amira", "Tariq",   "Rania"};
constexpr SV kArabicLast[] = {"Haddad", "Al-Masri", "Mansour", "Khalil", "Nasser",  "Saleh",
                              "Hamdan", "El-Sayed", "Aziz",    "Farouk", "Darwish", "Bakri"};
constexpr SV kTurkishFirst[] = {"Mehmet", "Ayşe", "Emre",  "Zeynep", "Burak",
                                "Elif",   "Can",  "Selin", "Oğuz",   "Gül"};
constexpr SV kTurkishLast[] = {"Yılmaz", "Kaya",  "Demir",  "Şahin",  "Çelik",
                               "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan"};
constexpr SV kPersianFirst[] = {"Reza",  "Shirin", "Ali",     "Parisa",
                                "Mehdi", "Nasrin", "Dariush", "Leila"};
constexpr SV kPersianLast[] = {"Hosseini", "Rahimi", "Karimi", "Moradi",
                               "Tehrani",  "Jafari", "Ahmadi", "Sadeghi"};
constexpr SV kIndianFirst[] = {"Priya", "Rahul",  "Ananya", "Vikram", "Sunita",  "Arjun",
                               "Deepa", "Sanjay", "Kavya",  "Rohan",  "Lakshmi", "Amit"};
constexpr SV kIndianLast[] = {"Sharma", "Patel",    "Gupta", "Iyer",       "Reddy", "Nair",
                              "Singh",  "Banerjee", "Mehta", "Chatterjee", "Rao",   "Desai"};
constexpr SV kChineseFirst[] = {"Wei", "Jing",   "Hao", "Xiaoling", "Jun",
                                "Mei", "Zhiwei", "Yan", "Lei",      "Fang"};
constexpr SV kChineseLast[] = {"Wang",  "Li",   "Zhang", "Liu", "Chen", "Yang",
                               "Huang", "Zhao", "Zhou",  "Wu",  "Xu",   "Sun"};
constexpr SV kJapaneseFirst[] = {"Haruto", "Yui",     "Takeshi", "Aiko",    "Kenji",
                                 "Sakura", "Hiroshi", "Yuki",    "Daisuke", "Emi"};
constexpr SV kJapaneseLast[] = {"Sato", "Suzuki",   "Takahashi", "Tanaka",    "Watanabe",
                                "Ito",  "Yamamoto", "Nakamura",  "Kobayashi", "Kato"};
constexpr SV kKoreanFirst[] = {"Min-jun", "Seo-yeon", "Ji-ho",    "Ha-eun",
                               "Jae-won", "Soo-jin",  "Hyun-woo", "Eun-ji"};
constexpr SV kKoreanLast[] = {"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"};
constexpr SV kVietnameseFirst[] = {"Minh", "Lan", "Tuấn", "Hương", "Dũng", "Thảo", "Quang", "Linh"};
constexpr SV kVietnameseLast[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
constexpr SV kWestAfricanFirst[] = {"Chinedu", "Ngozi",     "Oluwaseun", "Adaeze",
                                    "Emeka",   "Funmilayo", "Kwame",     "Ama",
                                    "Kofi",    "Abena",     "Ibrahim",   "Aisha"};
constexpr SV kWestAfricanLast[] = {"Okafor", "Adeyemi", "Okonkwo",  "Balogun", "Eze",   "Mensah",
                                   "Asante", "Owusu",   "Abubakar", "Danjuma", "Nwosu", "Boateng"};
constexpr SV kEastAfricanFirst[] = {"Wanjiru", "Kamau",  "Achieng", "Otieno",   "Amani",
                                    "Baraka",  "Zawadi", "Juma",    "Nyambura", "Tendai"};
constexpr SV kEastAfricanLast[] = {"Mwangi",  "Odhiambo", "Kiprotich", "Wambui", "Njoroge",
                                   "Ochieng", "Mutua",    "Kariuki",   "Omondi", "Chebet"};
constexpr SV kNordicFirst[] = {"Lars",   "Ingrid", "Magnus", "Sigrid", "Erik",
                               "Astrid", "Björn",  "Freja",  "Søren",  "Maja"};
constexpr SV kNordicLast[] = {"Andersen",  "Nilsson",   "Johansson", "Lindqvist", "Eriksen",
                              "Halvorsen", "Bergström", "Sørensen",  "Åberg",     "Dahl"};
constexpr SV kDutchFirst[] = {"Pieter", "Sanne", "Joost", "Femke",
                              "Bram",   "Eline", "Daan",  "Marloes"};
constexpr SV kDutchLast[] = {"de Vries", "van Dijk", "Jansen",       "Bakker", "Visser",
                             "Smit",     "de Jong",  "van den Berg", "Mulder", "Vermeulen"};
constexpr SV kGreekFirst[] = {"Giorgos",  "Eleni", "Nikos",  "Katerina",
                              "Dimitris", "Sofia", "Kostas", "Ioanna"};
constexpr SV kGreekLast[] = {"Papadopoulos", "Georgiou", "Nikolaidis", "Konstantinou",
                             "Papadakis",    "Vlachos",  "Oikonomou",  "Antoniou"};
constexpr SV kHebrewFirst[] = {"Noa", "Yosef", "Tamar", "Avi", "Yael", "Eitan"};
constexpr SV kHebrewLast[] = {"Cohen", "Levi", "Mizrahi", "Peretz", "Friedman", "Ben-David"};
constexpr SV kFilipinoFirst[] = {"Maricel", "Jose Mari", "Rowena", "Danilo", "Liza", "Ramon"};
constexpr SV kFilipinoLast[] = {"Santos",   "Reyes",      "Dela Cruz",
                                "Bautista", "Villanueva", "Mendoza"};

constexpr NameCulture kCultures[] = {
    {"English", kEnglishFirst, kEnglishLast},
    {"Irish and Scottish", kIrishFirst, kIrishLast},
    {"Spanish", kSpanishFirst, kSpanishLast},
    {"Portuguese", kPortugueseFirst, kPortugueseLast},
    {"German", kGermanFirst, kGermanLast},
    {"French", kFrenchFirst, kFrenchLast},
    {"Italian", kItalianFirst, kItalianLast},
    {"Polish and Czech", kPolishCzechFirst, kPolishCzechLast},
    {"Ukrainian", kUkrainianFirst, kUkrainianLast},
    {"Russian", kRussianFirst, kRussianLast},
    {"Arabic", kArabicFirst, kArabicLast},
    {"Turkish", kTurkishFirst, kTurkishLast},
    {"Persian", kPersianFirst, kPersianLast},
    {"Indian", kIndianFirst, kIndianLast},
    {"Chinese", kChineseFirst, kChineseLast, true},
    {"Japanese", kJapaneseFirst, kJapaneseLast},
    {"Korean", kKoreanFirst, kKoreanLast, true},
    {"Vietnamese", kVietnameseFirst, kVietnameseLast, true},
    {"West African", kWestAfricanFirst, kWestAfricanLast},
    {"East African", kEastAfricanFirst, kEastAfricanLast},
    {"Nordic", kNordicFirst, kNordicLast},
    {"Dutch", kDutchFirst, kDutchLast},
    {"Greek", kGreekFirst, kGreekLast},
    {"Hebrew", kHebrewFirst, kHebrewLast},
    {"Filipino", kFilipinoFirst, kFilipinoLast},
};

}  // namespace

std::span<const NameCulture> name_cultures() {
    return kCultures;
}

}  // namespace gazette::generator
