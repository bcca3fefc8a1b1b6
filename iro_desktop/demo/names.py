"""Names for the demo caseload: all fictional, varied, and believable to an IRO (children,
carers, homes, social workers and their teams). Each name group carries the DfE 903 ethnicity
code it is used with. What the IRO writes about them is in ``texts``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NameGroup:
    ethnicity: str  # 903 ETHNIC code
    boys: tuple[str, ...]
    girls: tuple[str, ...]
    surnames: tuple[str, ...]


NAME_GROUPS: tuple[tuple[NameGroup, int], ...] = (  # (group, weight in the caseload)
    (
        NameGroup(
            "WBRI",
            (
                "Oliver",
                "Harry",
                "Jack",
                "Charlie",
                "Alfie",
                "Leo",
                "Tyler",
                "Kai",
                "Riley",
                "Mason",
                "Callum",
                "Jayden",
                "Archie",
                "Logan",
                "Ethan",
                "Reece",
            ),
            (
                "Amelia",
                "Isla",
                "Ava",
                "Lily",
                "Poppy",
                "Ruby",
                "Evie",
                "Chloe",
                "Megan",
                "Jessica",
                "Kayla",
                "Brooke",
                "Ellie",
                "Paige",
                "Freya",
                "Summer",
            ),
            (
                "Walker",
                "Hughes",
                "Turner",
                "Parker",
                "Wright",
                "Cooper",
                "Bennett",
                "Hall",
                "Marsh",
                "Fletcher",
                "Holt",
                "Barker",
                "Dawson",
                "Shaw",
                "Pearce",
                "Webb",
            ),
        ),
        30,
    ),
    (
        NameGroup(
            "WIRI",
            ("Conor", "Cian", "Sean", "Darragh"),
            ("Aoife", "Niamh", "Ciara", "Orla"),
            ("Murphy", "Kelly", "Byrne", "Doyle", "Brennan"),
        ),
        2,
    ),
    (
        NameGroup(
            "WIRT",
            ("Johnny", "Patrick", "Martin"),
            ("Bridget", "Margaret", "Kathleen"),
            ("Ward", "McDonagh", "Joyce", "Maughan"),
        ),
        2,
    ),
    (
        NameGroup(
            "WROM",
            ("Marius", "Denis", "Florin"),
            ("Roxana", "Larisa", "Denisa"),
            ("Stoica", "Rostas", "Lacatus", "Dumitru"),
        ),
        2,
    ),
    (
        NameGroup(
            "WOTH",
            ("Jakub", "Szymon", "Filip", "Andrei", "Luka"),
            ("Zuzanna", "Maja", "Ioana", "Elira", "Natalia"),
            ("Nowak", "Mazur", "Popescu", "Krasniqi", "Horvat"),
        ),
        5,
    ),
    (
        NameGroup(
            "MWBC",
            ("Tyrese", "Malachi", "Kian", "Reggie", "Jaylen"),
            ("Aaliyah", "Jada", "Amara", "Nia", "Kiara"),
            ("Campbell", "Thompson", "Grant", "Clarke", "Francis"),
        ),
        6,
    ),
    (
        NameGroup(
            "MWBA",
            ("Jordan", "Femi", "Ethan", "Kobe"),
            ("Zara", "Imani", "Layla", "Adaeze"),
            ("Mensah", "Okoro", "Davies", "Holloway"),
        ),
        3,
    ),
    (
        NameGroup(
            "MWAS",
            ("Zain", "Adam", "Rayan"),
            ("Maya", "Aisha", "Leila"),
            ("Khan-Wright", "Hussain", "Sharma-Cole"),
        ),
        3,
    ),
    (
        NameGroup(
            "MOTH",
            ("Luca", "Mateo", "Rio"),
            ("Sofia", "Naomi", "Skye"),
            ("Silva", "Costa", "Okafor-Reid"),
        ),
        3,
    ),
    (
        NameGroup(
            "AIND",
            ("Arjun", "Rohan", "Dev"),
            ("Priya", "Anaya", "Simran"),
            ("Patel", "Mistry", "Gill", "Sharma"),
        ),
        2,
    ),
    (
        NameGroup(
            "APKN",
            ("Hamza", "Bilal", "Ibrahim", "Ayaan"),
            ("Maryam", "Hafsa", "Zainab", "Amna"),
            ("Khan", "Hussain", "Iqbal", "Raza", "Qureshi"),
        ),
        4,
    ),
    (
        NameGroup(
            "ABAN",
            ("Rahim", "Sami", "Tanvir"),
            ("Nusrat", "Tahmina", "Sumaiya"),
            ("Miah", "Uddin", "Rahman"),
        ),
        2,
    ),
    (
        NameGroup(
            "BCRB",
            ("Marcus", "Jermaine", "Isaiah", "Elijah"),
            ("Shanice", "Tiana", "Kezia", "Jasmine"),
            ("Johnson", "Henry", "Bailey", "Richards", "Lewis"),
        ),
        5,
    ),
    (
        NameGroup(
            "BAFR",
            ("Emeka", "Kwame", "Samuel", "Abdi", "Oluwatobi", "David"),
            ("Blessing", "Chioma", "Ama", "Precious", "Hodan", "Esther"),
            ("Adeyemi", "Boateng", "Osei", "Nwosu", "Warsame", "Farah", "Okafor"),
        ),
        6,
    ),
    (
        NameGroup(
            "CHNE",
            ("Jun", "Wei", "Kai"),
            ("Mei", "Grace", "Yan"),
            ("Chen", "Wong", "Lam"),
        ),
        1,
    ),
    (
        NameGroup(
            "OOTH",
            ("Omar", "Yusuf", "Emre", "Karwan"),
            ("Lina", "Huda", "Elif", "Dilan"),
            ("Al-Sayed", "Yilmaz", "Demir", "Rasul"),
        ),
        3,
    ),
)

# Preferred names the demo uses for some first names.
PREFERRED_NAMES = {
    "Oluwatobi": "Tobi",
    "Jessica": "Jess",
    "Mohammad": "Mo",
    "Abdelrahman": "Abdel",
    "Ziaullah": "Zia",
    "Margaret": "Maggie",
}


@dataclass(frozen=True)
class AsylumGroup:
    """Unaccompanied asylum-seeking young people: where from, name shapes, language."""

    ethnicity: str
    language: str
    boys: tuple[str, ...]
    girls: tuple[str, ...]
    surnames: tuple[str, ...]


ASYLUM_GROUPS: tuple[AsylumGroup, ...] = (
    AsylumGroup(
        "AOTH",
        "Pashto",
        ("Ahmad", "Farid", "Sahil", "Mohammad", "Ziaullah", "Jawed"),
        ("Mursal",),
        ("Ahmadzai", "Sultani", "Noori", "Safi", "Rahimi"),
    ),
    AsylumGroup(
        "BAFR",
        "Tigrinya",
        ("Yonas", "Filmon", "Dawit", "Merhawi", "Semere"),
        ("Semhar", "Luwam"),
        ("Tesfay", "Gebremedhin", "Haile", "Berhane", "Kidane"),
    ),
    AsylumGroup(
        "BAFR",
        "Arabic",
        ("Abdelrahman", "Osman", "Mujtaba"),
        ("Amna",),
        ("Abdalla", "Ibrahim", "Yousif"),
    ),
    AsylumGroup(
        "OOTH",
        "Kurdish Sorani",
        ("Rebwar", "Aram", "Hiwa"),
        ("Dilan",),
        ("Hama", "Rasul", "Kareem"),
    ),
    AsylumGroup(
        "OOTH",
        "Vietnamese",
        ("Minh", "Duc", "Tuan"),
        ("Linh",),
        ("Nguyen", "Tran", "Pham"),
    ),
    AsylumGroup(
        "WOTH",
        "Albanian",
        ("Ardit", "Besnik", "Endrit"),
        ("Elona",),
        ("Hoxha", "Gashi", "Berisha"),
    ),
)

WELSH_BOYS = ("Osian", "Dafydd", "Ifan", "Gethin", "Iolo", "Macsen")
WELSH_GIRLS = ("Elin", "Cerys", "Mali", "Nia", "Seren", "Efa")
WELSH_SURNAMES = ("Pritchard", "Griffiths", "Llewelyn", "Parry", "Rowlands", "Gruffudd")

ADULT_WOMEN = (
    "Sarah",
    "Kelly",
    "Gemma",
    "Donna",
    "Stacey",
    "Leanne",
    "Joanne",
    "Michelle",
    "Nicola",
    "Amina",
    "Farida",
    "Grace",
    "Patience",
    "Agnieszka",
    "Tasha",
)
ADULT_MEN = (
    "Darren",
    "Lee",
    "Wayne",
    "Craig",
    "Dean",
    "Paul",
    "Stuart",
    "Imran",
    "Tariq",
    "Kevin",
    "Marek",
    "Jermaine",
    "Kwesi",
    "Ryan",
    "Gary",
)
WELSH_WOMEN = ("Siân", "Eirlys", "Bethan", "Gwenllian", "Menna")
WELSH_MEN = ("Emyr", "Gareth", "Huw", "Alun", "Rhys")

CARER_SURNAMES = (
    "Okafor",
    "Bradshaw",
    "Jennings",
    "Ahmed",
    "Kaur",
    "Lowe",
    "Reynolds",
    "Gallagher",
    "Simmons",
    "Osei",
    "Hartley",
    "Moss",
    "Kowalczyk",
    "Fraser",
    "Sutton",
    "Harding",
    "Begum",
    "Nicholls",
)
CHILDRENS_HOMES = (
    "Oakfield House",
    "The Willows",
    "Maple Lodge",
    "Beacon View",
    "Fernlea Cottage",
    "Highfield House",
    "Brookside",
)
SUPPORTED_ACCOMMODATION = (
    "Riverside Supported Lodgings",
    "Northgate Supported Accommodation",
    "Elm Court Supported Housing",
    "Station Road Supported Living",
)
SHORT_BREAK_UNITS = ("Rowan House Short Breaks", "Willowbank Short Break Unit")

# The social workers the IRO works with: (name, team, phone). Phone numbers are from the
# Ofcom ranges set aside for drama (01632 960xxx), so none is a real number.
SOCIAL_WORKERS: dict[str, tuple[tuple[str, str], ...]] = {
    "court": (
        ("Priya Nair", "01632 960214"),
        ("Tom Ellison", "01632 960237"),
    ),
    "cic": (
        ("Grace Adebayo", "01632 960251"),
        ("Daniel Kowal", "01632 960262"),
        ("Sarah Whitfield", "01632 960275"),
        ("Hannah O'Connell", "01632 960283"),
    ),
    "uasc": (
        ("Imran Qureshi", "01632 960311"),
        ("Marta Nowicka", "01632 960318"),
    ),
    "leaving": (
        ("Femi Ogunleye", "01632 960342"),
        ("Claire Ashworth", "01632 960355"),
    ),
    "disabled": (("Jo Pemberton", "01632 960371"),),
    "adoption": (("James Holloway", "01632 960388"),),
    "welsh": (("Rhian Evans", "01632 960396"),),
}
TEAMS = {
    "court": "Court and Assessment Team",
    "cic": "Children in Care Team",
    "uasc": "Unaccompanied Children's Team",
    "leaving": "Leaving Care Team",
    "disabled": "Disabled Children's Team",
    "adoption": "Adoption and Permanence Team",
    "welsh": "Children in Care Team",
}
