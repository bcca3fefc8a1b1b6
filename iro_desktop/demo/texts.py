"""What an IRO writes after a demo review (all fictional): what is going well, the worries, the
child's own words (in the child's voice, by age band "under4", "child", "teen",
"young_person", "uasc"), what children with few words showed, the Welsh texts for the
children whose language is Welsh, the decisions, venues, how views were given and the themes
of challenges.
"""

from __future__ import annotations

# What the IRO writes after a review, by age band: "under4", "child", "teen", "young_person",
# "uasc". Short, plain, and in the child's own voice for child_words.
GOING_WELL = {
    "under4": (
        "Settled with the carers; the health visitor is happy with progress.",
        "Meeting milestones; now walking and saying first words.",
        "Contact with Mum three times a week is going well.",
        "Sleeping through the night and eating well.",
    ),
    "child": (
        "Settled with the carers and going to school every day.",
        "Contact with Mum has been regular and positive.",
        "Reading has come on well; the PEP targets were met.",
        "Has joined a swimming club and made friends there.",
        "Health assessment and dental check are up to date.",
    ),
    "teen": (
        "Attendance at school is up to 94% this term.",
        "Getting on well with the carers; helps cook the Sunday dinner.",
        "Sees siblings every month and enjoys it.",
        "Started boxing at the local club and goes twice a week.",
        "CAMHS sessions have started and are helping.",
    ),
    "young_person": (
        "Started a college course in motor vehicle maintenance.",
        "Pathway plan written with the personal adviser.",
        "Managing a weekly budget and cooking for themself.",
        "Staying Put has been agreed with the carers.",
        "Passed the theory driving test.",
    ),
    "uasc": (
        "Attending ESOL classes at college three days a week.",
        "Settled in the supported accommodation and gets on with the key worker.",
        "Registered with a GP and had the health assessment.",
        "Plays football with a local team every Saturday.",
        "Has a solicitor and the asylum statement is done.",
    ),
}

GOING_WELL["short_breaks"] = (
    "Enjoys the weekend breaks and goes in happily.",
    "Mum and Dad say the breaks give the family time to rest.",
    "The short break carers follow the visual timetable well.",
    "Loves the sensory room and the swimming sessions.",
)

WORRIES = {
    "under4": (
        "Delay in the parenting assessment is holding up the plan.",
        "Contact with Dad has been cancelled several times.",
        "Waiting for a paediatric appointment about speech.",
    ),
    "child": (
        "Missed some school after the placement move.",
        "Contact with Dad has been inconsistent.",
        "Waiting over six months for a CAMHS appointment.",
        "The placement is a long way from school and family.",
        "Life story work has not started.",
    ),
    "teen": (
        "Went missing overnight twice; return home interviews were done.",
        "Concerns about older friends and possible exploitation.",
        "Exclusion from school for two days this term.",
        "Has had three social workers this year.",
        "Smoking cannabis; referred to the young people's drug service.",
    ),
    "young_person": (
        "No pathway plan yet and 18 is close.",
        "Housing after 18 is not yet agreed.",
        "Not in education, employment or training since leaving college.",
        "Debt on a mobile phone contract.",
    ),
    "uasc": (
        "Still waiting for a Home Office decision on the asylum claim.",
        "Age assessment still not completed.",
        "Sleeping badly; worries about family at home.",
        "No interpreter was booked for the last health appointment.",
    ),
}

WORRIES["short_breaks"] = (
    "Finds the change back home on Sunday hard.",
    "The new hoist at home has not been fitted yet.",
    "Parents would like more breaks in the school holidays.",
    "Transport to school from the short break home is not reliable.",
)

CHILD_WORDS = {
    "child": (
        "I like my bedroom and my cat Biscuit.",
        "I want to see Mum more.",
        "School is fun. I like painting and PE.",
        "I don't like it when contact is cancelled.",
        "I want to stay here. My carers are kind.",
        "Can I go on the school trip to the farm?",
    ),
    "teen": (
        "I'm happy here. I just want to stay till I'm older.",
        "I want more time to see my mates after school.",
        "I don't want to move school again.",
        "I want to see my little brother more, not just once a month.",
        "Please stop changing my social worker.",
        "I'd like a phone that actually works.",
    ),
    "young_person": (
        "I want my own flat when I'm 18 but I'm scared about money.",
        "College is going okay. I want to be a mechanic.",
        "I want my PA to come to the next meeting.",
        "I'm fine. I just want people to stop asking me the same questions.",
        "I want to stay with my carers after 18 if they'll have me.",
    ),
    "uasc": (
        "I want to go to college and learn English quickly.",
        "I am worried about my Home Office interview.",
        "I miss my mother and my little sister. I want to find them.",
        "The house is good. I want to play football more.",
        "Thank you for helping me. I want to be a mechanic.",
    ),
}

# What children with few or no spoken words showed the IRO (recorded as the IRO saw it).
SHOWN_WORDS = (
    "Chose the happy face and the swimming picture on the board.",
    "Smiled and signed 'more' when the short break carers were named.",
    "Pointed to the trampoline and the dog: the best things at short breaks.",
)

# Welsh texts for the Welsh-speaking children, keyed by who they live with; written for a boy
# (``welsh.for_gender`` gives a girl's forms: *ei brawd*, *ganddi*, *o'i theulu*).
WELSH_TEXTS = {
    "nain": {
        "going_well": (
            "Mae wedi setlo'n dda gyda Nain a Thaid ac mae'n mwynhau'r ysgol.",
            "Mae'n mynd i'r ysgol bob dydd ac mae'n gwneud ffrindiau newydd.",
            "Mae'n mwynhau nofio a chanu yn y côr.",
        ),
        "worries": (
            "Mae'n poeni am Mam ac mae'n cysgu'n wael weithiau.",
            "Mae'r cyswllt gyda Dad wedi stopio ers mis.",
            "Does dim gweithiwr cymdeithasol sy'n siarad Cymraeg ar hyn o bryd.",
        ),
        "child_words": (
            "Dw i'n hoffi byw gyda Nain. Dw i eisiau mynd i'r clwb pêl-droed.",
            "Dw i'n hapus yn yr ysgol. Dw i'n colli Mam weithiau.",
            "Dw i'n hoffi chwarae pêl-droed gyda Thaid.",
        ),
    },
    "mam-gu": {
        "going_well": (
            "Mae'n hapus yn byw gyda Mam-gu ac mae'n iach.",
            "Mae'r cyswllt gyda Mam yn mynd yn dda bob pythefnos.",
            "Mae'n darllen yn dda iawn yn Gymraeg ac yn Saesneg.",
        ),
        "worries": (
            "Mae angen cynllun ar gyfer symud i'r ysgol uwchradd.",
            "Mae Mam-gu yn flinedig ac mae angen mwy o gefnogaeth arni.",
            "Mae'n poeni am ei frawd bach.",
        ),
        "child_words": (
            "Dw i'n hoffi byw gyda Mam-gu. Dw i eisiau mynd i'r clwb pêl-droed.",
            "Dw i eisiau gweld fy mrawd yn amlach.",
            "Dw i'n hoffi fy ysgol. Dw i ddim eisiau symud.",
        ),
    },
    "foster": {
        "going_well": (
            "Mae wedi setlo gyda'r gofalwyr maeth ac mae'n mynd i'r ysgol bob dydd.",
            "Mae'n mwynhau'r clwb ffermwyr ifanc ac mae ganddo ffrindiau da.",
            "Mae'n iach ac yn hapus yn y cartref.",
        ),
        "worries": (
            "Mae'r cyswllt yn cael ei ganslo yn aml.",
            "Mae'n bell o'i deulu ac o'i hen ysgol.",
            "Mae angen help gyda gwaith cartref mathemateg.",
        ),
        "child_words": (
            "Dw i'n hoffi fy ystafell newydd. Mae'r ci yn ffrind i fi.",
            "Dw i ddim yn hoffi pan mae'r cyswllt yn cael ei ganslo.",
            "Dw i eisiau aros yma. Dw i'n hapus.",
        ),
    },
}

# A decision: (what, who as a role key, weeks to do it). Roles are filled in per child.
DECISIONS = {
    "under4": (
        ("Complete the parenting assessment and share it with the IRO", "sw", 6),
        ("Arrange the initial health assessment follow-up with the paediatrician", "nurse", 6),
        ("Increase contact with Mum to four times a week if the next month goes well", "sw", 4),
        ("Start a life story book with photos from birth", "carer", 12),
        ("Refer to speech and language therapy", "hv", 8),
    ),
    "child": (
        ("Update the care plan to show the plan for long-term fostering", "sw", 6),
        ("Review the Personal Education Plan with the designated teacher", "vs", 6),
        ("Arrange the annual health assessment", "nurse", 8),
        ("Arrange sibling contact at least once a month", "sw", 4),
        ("Refer to CAMHS and chase the appointment date", "sw", 6),
        ("Start life story work", "sw", 12),
        ("Book a dental check-up", "carer", 8),
        ("Refer for an independent visitor", "sw", 8),
    ),
    "teen": (
        ("Complete a return home interview after any missing episode and share it", "sw", 2),
        ("Hold a strategy meeting about exploitation concerns", "sw", 2),
        ("Review the Personal Education Plan and agree tuition in maths", "vs", 6),
        ("Arrange the annual health assessment", "nurse", 8),
        ("Find a sports club or activity of their choice and pay the fees", "sw", 10),
        ("Arrange sibling contact at least once a month", "sw", 4),
        ("Agree the phone and going-out rules with the young person and carers", "carer", 3),
    ),
    "young_person": (
        ("Write the pathway plan with the young person", "pa", 6),
        ("Complete the Staying Put assessment", "sw", 8),
        ("Apply for a provisional driving licence and passport", "pa", 10),
        ("Agree a housing plan for after 18", "pa", 10),
        ("Open a bank account and pay in the savings", "carer", 6),
    ),
    "uasc": (
        ("Book an interpreter for every health and college appointment", "sw", 2),
        ("Support the young person to prepare for the Home Office interview", "sw", 4),
        ("Refer to the Red Cross family tracing service", "sw", 6),
        ("Write the pathway plan with an interpreter", "pa", 6),
        ("Find a mosque or church in the area if the young person wants it", "kw", 4),
    ),
    "short_breaks": (
        ("Review the short break plan with the parents", "sw", 8),
        ("Update the communication passport for the short break carers", "carer", 6),
        ("Check the moving and handling plan is current", "sw", 8),
    ),
    "adoption": (
        ("Complete the later life letter and life story book", "sw", 10),
        ("Agree the letterbox contact plan with the adopters", "sw", 8),
        ("Adopters to apply for the adoption order when ready", "carer", 16),
    ),
}

VENUES = {
    "foster": ("Foster home", "School", "Video call (Teams)", "Foster home"),
    "kin": ("Grandparents' home", "School", "Video call (Teams)"),
    "home": ("Children's home", "School", "Video call (Teams)"),
    "semi": ("Supported accommodation", "College", "Civic Centre, Demo Borough"),
    "adopters": ("Adopters' home",),
    "short_breaks": ("Family home", "Short break carer's home", "School"),
    "other": ("Civic Centre, Demo Borough", "Video call (Teams)"),
}

VIEWS_HOW = {
    "PN0": "Under 4: the IRO saw the child with the carer before the review",
    "PN1": "Came to the review and spoke for themselves",
    "PN2": "Came to the review; the advocate spoke for them",
    "PN3": "Came to the review and showed their views with picture cards",
    "PN4": "Came to the review but chose not to share views",
    "PN5": "Did not come; briefed the advocate, who spoke for them",
    "PN6": "Did not come; sent views through Mind Of My Own before the review",
    "PN7": "Did not come and did not share views; the IRO will visit",
}

CHALLENGE_THEMES = (
    "Standard of care",
    "Failure of statutory functions",
    "Care plan implementation",
    "Social work practice",
    "Safeguarding",
)
