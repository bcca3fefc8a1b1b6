"""What the demo IRO wrote for each child: the child-facing sentence beside each professional
text in ``names`` (the decisions, worries, good things and the child's words), the reasons for
each type of plan, and "something I learned about you".

Written to the child ("you"), short and plain, with no professional words; ``{carer}`` and
``{worker}`` are filled with the names the child uses. The Welsh is written in the *ti* form for
the Welsh-speaking children; a Welsh speaker should still read it (as for the phrase bank).
"""

from __future__ import annotations

from iro_desktop.domain.model import PlanType

# professional text -> the sentence for the child (English-speaking children)
FOR_CHILD: dict[str, str] = {
    # going well: under 4
    "Settled with the carers; the health visitor is happy with progress.": (
        "You are settled with {carer}. You are growing well."
    ),
    "Meeting milestones; now walking and saying first words.": (
        "You are walking now, and you say your first words."
    ),
    "Contact with Mum three times a week is going well.": "You see Mum three times a week.",
    "Sleeping through the night and eating well.": "You sleep well and you eat well.",
    # going well: child
    "Settled with the carers and going to school every day.": (
        "You are settled with {carer}. You go to school every day."
    ),
    "Contact with Mum has been regular and positive.": "You see Mum often, and it goes well.",
    "Reading has come on well; the PEP targets were met.": (
        "Your reading has got much better this year."
    ),
    "Has joined a swimming club and made friends there.": (
        "You joined a swimming club and made new friends."
    ),
    "Health assessment and dental check are up to date.": (
        "You have seen the doctor and the dentist this year."
    ),
    # going well: teen
    "Attendance at school is up to 94% this term.": "You have been at school nearly every day.",
    "Getting on well with the carers; helps cook the Sunday dinner.": (
        "You get on well with {carer}. You help cook the Sunday dinner."
    ),
    "Sees siblings every month and enjoys it.": ("You see your brothers and sisters every month."),
    "Started boxing at the local club and goes twice a week.": (
        "You go to boxing club twice a week."
    ),
    "CAMHS sessions have started and are helping.": (
        "You have started talking to someone about your feelings. It is helping."
    ),
    # going well: 16 and 17
    "Started a college course in motor vehicle maintenance.": (
        "You started a college course on fixing cars."
    ),
    "Pathway plan written with the personal adviser.": (
        "You and your adviser wrote your plan for after 18."
    ),
    "Managing a weekly budget and cooking for themself.": (
        "You manage your money each week, and you cook for yourself."
    ),
    "Staying Put has been agreed with the carers.": ("You can stay with {carer} after you are 18."),
    "Passed the theory driving test.": "You passed your driving theory test. Well done!",
    # going well: unaccompanied young people
    "Attending ESOL classes at college three days a week.": (
        "You go to English classes at college three days a week."
    ),
    "Settled in the supported accommodation and gets on with the key worker.": (
        "You are settled in your home, and you get on with {carer}."
    ),
    "Registered with a GP and had the health assessment.": (
        "You have a doctor now, and you had your health check."
    ),
    "Plays football with a local team every Saturday.": (
        "You play football with a team every Saturday."
    ),
    "Has a solicitor and the asylum statement is done.": (
        "You have a lawyer, and your statement for the Home Office is done."
    ),
    # going well: short breaks
    "Enjoys the weekend breaks and goes in happily.": "You enjoy your weekend breaks.",
    "Mum and Dad say the breaks give the family time to rest.": (
        "Mum and Dad say your breaks help the whole family."
    ),
    "The short break carers follow the visual timetable well.": (
        "Your break carers use your picture cards."
    ),
    "Loves the sensory room and the swimming sessions.": (
        "You love the sensory room and swimming."
    ),
    # worries: under 4
    "Delay in the parenting assessment is holding up the plan.": (
        "We are waiting for some checks before we can plan what happens next."
    ),
    "Contact with Dad has been cancelled several times.": (
        "Some of your visits with Dad did not happen."
    ),
    "Waiting for a paediatric appointment about speech.": (
        "You are waiting to see a doctor about your talking."
    ),
    # worries: child
    "Missed some school after the placement move.": "You missed some school after you moved.",
    "Contact with Dad has been inconsistent.": "Your visits with Dad do not always happen.",
    "Waiting over six months for a CAMHS appointment.": (
        "You have waited a long time to see someone about your feelings."
    ),
    "The placement is a long way from school and family.": (
        "Your home is a long way from your school and your family."
    ),
    "Life story work has not started.": "Your life story book has not started yet.",
    # worries: teen
    "Went missing overnight twice; return home interviews were done.": (
        "Twice you did not come home at night. People were worried about you."
    ),
    "Concerns about older friends and possible exploitation.": (
        "People worry that some older friends might not be safe for you."
    ),
    "Exclusion from school for two days this term.": (
        "You could not go to school for two days this term."
    ),
    "Has had three social workers this year.": "You have had three social workers this year.",
    "Smoking cannabis; referred to the young people's drug service.": (
        "People are worried that you smoke cannabis."
    ),
    # worries: 16 and 17
    "No pathway plan yet and 18 is close.": (
        "You will be 18 soon, and your plan for after 18 is not written yet."
    ),
    "Housing after 18 is not yet agreed.": "We do not know yet where you will live after 18.",
    "Not in education, employment or training since leaving college.": (
        "You have not been at college or work since you left college."
    ),
    "Debt on a mobile phone contract.": "You owe money on your phone contract.",
    # worries: unaccompanied young people
    "Still waiting for a Home Office decision on the asylum claim.": (
        "You are still waiting for the Home Office to decide if you can stay."
    ),
    "Age assessment still not completed.": "The check of your age is not finished yet.",
    "Sleeping badly; worries about family at home.": (
        "You sleep badly, and you worry about your family at home."
    ),
    "No interpreter was booked for the last health appointment.": (
        "Nobody booked an interpreter for your last doctor's visit."
    ),
    # worries: short breaks
    "Finds the change back home on Sunday hard.": "Going home on Sunday can feel hard.",
    "The new hoist at home has not been fitted yet.": ("Your new hoist at home is not fitted yet."),
    "Parents would like more breaks in the school holidays.": (
        "Mum and Dad would like more breaks in the holidays."
    ),
    "Transport to school from the short break home is not reliable.": (
        "The taxi to school from your short breaks is sometimes late."
    ),
    # decisions: under 4
    "Complete the parenting assessment and share it with the IRO": (
        "{worker} will finish the checks that help us plan your future."
    ),
    "Arrange the initial health assessment follow-up with the paediatrician": (
        "You will see the children's doctor again."
    ),
    "Increase contact with Mum to four times a week if the next month goes well": (
        "If the next month goes well, you will see Mum four times a week."
    ),
    "Start a life story book with photos from birth": (
        "{carer} will make a book of photos of you since you were born."
    ),
    "Refer to speech and language therapy": "Someone will help you with your talking.",
    # decisions: child
    "Update the care plan to show the plan for long-term fostering": (
        "{worker} will write down that you can stay with {carer} as you grow up."
    ),
    "Review the Personal Education Plan with the designated teacher": (
        "Your teacher will check your school plan with you."
    ),
    "Arrange the annual health assessment": "You will have your yearly health check.",
    "Arrange sibling contact at least once a month": (
        "You will see your brothers and sisters at least once a month."
    ),
    "Refer to CAMHS and chase the appointment date": (
        "{worker} will ask for a date for you to talk to someone about your feelings."
    ),
    "Start life story work": "{worker} will start making a book about your life with you.",
    "Book a dental check-up": "{carer} will book you a visit to the dentist.",
    "Refer for an independent visitor": (
        "{worker} will find you a grown-up friend who visits just for you."
    ),
    # decisions: teen
    "Complete a return home interview after any missing episode and share it": (
        "If you stay out at night, someone will talk with you when you get back."
    ),
    "Hold a strategy meeting about exploitation concerns": (
        "The grown-ups will meet to plan how to keep you safe."
    ),
    "Review the Personal Education Plan and agree tuition in maths": (
        "You will get extra help with maths."
    ),
    "Find a sports club or activity of their choice and pay the fees": (
        "{worker} will pay for a club or activity you choose."
    ),
    "Agree the phone and going-out rules with the young person and carers": (
        "You and {carer} will agree the rules for your phone and going out."
    ),
    # decisions: 16 and 17
    "Write the pathway plan with the young person": (
        "You and your adviser will write your plan for after 18."
    ),
    "Complete the Staying Put assessment": (
        "{worker} will check if you can stay with {carer} after 18."
    ),
    "Apply for a provisional driving licence and passport": (
        "Your adviser will help you get a driving licence and a passport."
    ),
    "Agree a housing plan for after 18": "We will agree where you will live after 18.",
    "Open a bank account and pay in the savings": (
        "{carer} will help you open a bank account for your savings."
    ),
    # decisions: unaccompanied young people
    "Book an interpreter for every health and college appointment": (
        "You will have an interpreter at every doctor and college meeting."
    ),
    "Support the young person to prepare for the Home Office interview": (
        "{worker} will help you get ready for your Home Office interview."
    ),
    "Refer to the Red Cross family tracing service": (
        "{worker} will ask the Red Cross to help look for your family."
    ),
    "Write the pathway plan with an interpreter": (
        "You will write your plan for after 18 with an interpreter."
    ),
    "Find a mosque or church in the area if the young person wants it": (
        "If you want, {carer} will help you find a place to pray."
    ),
    # decisions: short breaks
    "Review the short break plan with the parents": (
        "{worker} will talk with Mum and Dad about your breaks."
    ),
    "Update the communication passport for the short break carers": (
        "Your carers will add to your 'all about me' book."
    ),
    "Check the moving and handling plan is current": (
        "{worker} will check how people help you move safely."
    ),
    # decisions: adoption
    "Complete the later life letter and life story book": (
        "{worker} will finish a book and a letter about your story, for when you are older."
    ),
    "Agree the letterbox contact plan with the adopters": (
        "Your new family will send news to your birth family once a year."
    ),
    "Adopters to apply for the adoption order when ready": (
        "When they are ready, your new family will ask a judge to make the adoption final."
    ),
}

# The adoption child at the adopters': texts that would wrongly speak of the birth family as
# the child's daily life are replaced (the draw from the bank is kept: same index).
ADOPTED_GOING_WELL = (
    "Settled with the adopters; eating and sleeping well.",
    "Meeting milestones; now walking and saying first words.",
    "Attached to the adopters and happy at nursery.",
    "Sleeping through the night and eating well.",
)
ADOPTION_PLANS = ("adoption", "placement_order")  # the demo's children whose plan is adoption
# ... and, before the move, while the child waits with foster carers:
WAITING_GOING_WELL = (
    "Settled with the carers; the health visitor is happy with progress.",
    "Meeting milestones; now walking and saying first words.",
    "Settled with the foster carers while the adoption plan goes ahead.",
    "Sleeping through the night and eating well.",
)
WAITING_WORRIES = (
    "Waiting to be matched with adopters.",
    "Waiting for a date for the adoption panel.",
    "Waiting for a paediatric appointment about speech.",
)
# The decision about more time with Mum, for a child whose plan is adoption.
ADOPTION_DECISION = ("Prepare the move to the adopters with the foster carers", "sw", 8)
ADOPTED_WORRIES = (
    "The adoption order application waits for a court date.",
    "No letter yet from the birth family through letterbox contact.",
    "Waiting for a paediatric appointment about speech.",
)
FOR_CHILD.update(
    {
        "Settled with the foster carers while the adoption plan goes ahead.": (
            "At your review, you were settled and happy with {carer}."
        ),
        # Said as at the review: true whether or not the child has moved since (issue 13).
        "Waiting to be matched with adopters.": (
            "At your review, we were still looking for your new family."
        ),
        "Waiting for a date for the adoption panel.": (
            "We are waiting for a meeting that helps choose your new family."
        ),
        "Prepare the move to the adopters with the foster carers": (
            "{carer} will help you get ready to move to your new family."
        ),
        "The adoption order application waits for a court date.": (
            "We are waiting for a judge to make your adoption final."
        ),
        "No letter yet from the birth family through letterbox contact.": (
            "Your birth family has not sent their letter yet."
        ),
        "Settled with the adopters; eating and sleeping well.": (
            "You are settled with your new family. You eat and sleep well."
        ),
        "Attached to the adopters and happy at nursery.": (
            "You love your new family, and you are happy at nursery."
        ),
    }
)

# What the child said or showed -> the IRO's answer (English-speaking children)
REPLIES: dict[str, str] = {
    "I like my bedroom and my cat Biscuit.": "I am glad you love your room and Biscuit!",
    "I want to see Mum more.": "I asked {worker} to look at more time with Mum.",
    "School is fun. I like painting and PE.": "That is great. Keep painting!",
    "I don't like it when contact is cancelled.": (
        "I understand. I asked {worker} to tell you early if a visit cannot happen."
    ),
    "I want to stay here. My carers are kind.": "The plan is for you to stay with {carer}.",
    "Can I go on the school trip to the farm?": "Yes. {carer} will sign the form.",
    "I'm happy here. I just want to stay till I'm older.": (
        "The plan is for you to stay with {carer}."
    ),
    "I want more time to see my mates after school.": (
        "{carer} will talk with you about later times to come home."
    ),
    "I don't want to move school again.": ("I heard you. Nobody plans to move your school."),
    "I want to see my little brother more, not just once a month.": (
        "I asked {worker} to see if you can meet him more often."
    ),
    "Please stop changing my social worker.": (
        "I told the managers this matters to you. {worker} plans to stay."
    ),
    "I'd like a phone that actually works.": "{carer} will help you get a phone that works.",
    "I want my own flat when I'm 18 but I'm scared about money.": (
        "Your adviser will help you plan your money before you move."
    ),
    "College is going okay. I want to be a mechanic.": (
        "A mechanic is a great plan. Keep going at college."
    ),
    "I want my PA to come to the next meeting.": "I will invite your adviser next time.",
    "I'm fine. I just want people to stop asking me the same questions.": (
        "I hear you. We will share what you tell us, so you only say it once."
    ),
    "I want to stay with my carers after 18 if they'll have me.": (
        "{carer} wants that too. {worker} will check how it can work."
    ),
    "I want to go to college and learn English quickly.": (
        "You will start English classes at college."
    ),
    "I am worried about my Home Office interview.": (
        "{worker} and your lawyer will help you get ready for it."
    ),
    "I miss my mother and my little sister. I want to find them.": (
        "{worker} will ask the Red Cross to help look for them."
    ),
    "The house is good. I want to play football more.": (
        "{carer} will help you find a football team."
    ),
    "Thank you for helping me. I want to be a mechanic.": (
        "You are welcome. A mechanic course at college could be your next step."
    ),
    "Chose the happy face and the swimming picture on the board.": (
        "You showed me you are happy and you love swimming."
    ),
    "Smiled and signed 'more' when the short break carers were named.": (
        "You showed me you want more time with your short break carers."
    ),
    "Pointed to the trampoline and the dog: the best things at short breaks.": (
        "You showed me the trampoline and the dog are the best things."
    ),
    "Pointed to the smiley face card for home and for school.": (
        "You showed me you are happy at home and at school."
    ),
}

# Which decisions answer each worry (the rest are "still being worked on").
ANSWERS: dict[str, tuple[str, ...]] = {
    "Delay in the parenting assessment is holding up the plan.": (
        "Complete the parenting assessment and share it with the IRO",
    ),
    "Waiting for a paediatric appointment about speech.": (
        "Refer to speech and language therapy",
        "Arrange the initial health assessment follow-up with the paediatrician",
    ),
    "Waiting over six months for a CAMHS appointment.": (
        "Refer to CAMHS and chase the appointment date",
    ),
    "Life story work has not started.": ("Start life story work",),
    "Went missing overnight twice; return home interviews were done.": (
        "Complete a return home interview after any missing episode and share it",
        "Hold a strategy meeting about exploitation concerns",
    ),
    "Concerns about older friends and possible exploitation.": (
        "Hold a strategy meeting about exploitation concerns",
    ),
    "Exclusion from school for two days this term.": (
        "Review the Personal Education Plan and agree tuition in maths",
    ),
    "No pathway plan yet and 18 is close.": (
        "Write the pathway plan with the young person",
        "Write the pathway plan with an interpreter",
    ),
    "Housing after 18 is not yet agreed.": (
        "Agree a housing plan for after 18",
        "Complete the Staying Put assessment",
    ),
    "Still waiting for a Home Office decision on the asylum claim.": (
        "Support the young person to prepare for the Home Office interview",
    ),
    "Sleeping badly; worries about family at home.": (
        "Refer to the Red Cross family tracing service",
    ),
    "No interpreter was booked for the last health appointment.": (
        "Book an interpreter for every health and college appointment",
    ),
    "Parents would like more breaks in the school holidays.": (
        "Review the short break plan with the parents",
    ),
}

# The main reasons for each type of plan: (professional, for the child, in Welsh).
PLAN_REASONS: dict[PlanType, tuple[tuple[str, str, str], ...]] = {
    PlanType.STAYING_HERE: (
        (
            "Settled and making progress; the carers can meet their needs long term.",
            "You are settled, and {carer} can look after you as you grow up.",
            "Rwyt ti wedi setlo, a gall {carer} ofalu amdanat ti wrth i ti dyfu.",
        ),
        (
            "A return home is not safe; the court agreed long-term care.",
            "Going home is not safe, so a judge agreed you will stay in care.",
            "Dydy mynd adref ddim yn ddiogel, felly cytunodd barnwr y byddi di'n aros mewn gofal.",
        ),
    ),
    PlanType.GOING_HOME: (
        (
            "Parenting assessment positive; a return home step by step.",
            "Home is getting safer, so you will go home step by step.",
            "Mae adref yn mynd yn fwy diogel, felly byddi di'n mynd adref gam wrth gam.",
        ),
    ),
    PlanType.ADOPTION: (
        (
            "Placement order made; the birth family cannot care for them safely.",
            "Your birth family cannot keep you safe, so a judge said a new family will adopt you.",
            "Dydy dy deulu biolegol ddim yn gallu dy gadw di'n ddiogel, felly dywedodd barnwr y "
            "bydd teulu newydd yn dy fabwysiadu di.",
        ),
    ),
    PlanType.SPECIAL_GUARDIANSHIP: (
        (
            "Relative assessed as special guardian; the child is settled with them.",
            "{carer} will look after you until you are grown up.",
            "Bydd {carer} yn gofalu amdanat ti nes dy fod di wedi tyfu i fyny.",
        ),
    ),
    PlanType.STAYING_PUT: (
        (
            "Wants to stay with the carers after 18, and the carers agree.",
            "You want to stay with {carer} after you are 18, and {carer} agrees.",
            "Rwyt ti eisiau aros gyda {carer} ar ôl troi'n 18, ac mae {carer} yn cytuno.",
        ),
    ),
    PlanType.OWN_HOME: (
        (
            "Preparing for independence at 18, with support from a personal adviser.",
            "You are learning to live on your own, with help from your adviser.",
            "Rwyt ti'n dysgu byw ar dy ben dy hun, gyda help gan dy ymgynghorydd.",
        ),
    ),
    PlanType.OTHER: (
        (
            "Assessments are under way to decide the long-term plan.",
            "We are still finding out what is best for you.",
            "Rydyn ni'n dal i ddysgu beth sydd orau i ti.",
        ),
    ),
}
SHORT_BREAK_REASON = (
    "Short breaks support the family to care for them at home.",
    "You live at home. Your short breaks help your family.",
    "Rwyt ti'n byw gartref. Mae dy seibiannau byr yn helpu dy deulu.",
)
REMAND_REASON = (
    "Remanded by the court; the plan depends on the court's decision.",
    "A judge will decide what happens next. I will keep in touch with you.",
    "Bydd barnwr yn penderfynu beth sy'n digwydd nesaf. Bydda i'n cadw mewn cysylltiad â ti.",
)

# Something the IRO learned about the child, by age band: (English, Welsh).
LEARNED: dict[str, tuple[tuple[str, str], ...]] = {
    "child": (
        ("You showed me your drawings. They are brilliant!", "Dangosaist ti dy luniau i mi."),
        ("You know a lot about dinosaurs.", "Rwyt ti'n gwybod llawer am ddeinosoriaid."),
    ),
    "teen": (
        ("You taught me a new football trick.", "Dysgaist ti dric pêl-droed newydd i mi."),
        ("You are very good at looking after the dog.", "Rwyt ti'n dda iawn am ofalu am y ci."),
    ),
    "young_person": (
        ("You make a great cup of tea!", "Rwyt ti'n gwneud paned wych!"),
        ("You know a lot about cars.", "Rwyt ti'n gwybod llawer am geir."),
    ),
    "uasc": (
        ("You told me about your favourite football team.", ""),
        ("You are teaching yourself to cook new food.", ""),
    ),
}
