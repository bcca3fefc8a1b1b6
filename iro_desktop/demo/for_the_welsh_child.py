"""What the demo IRO wrote for the Welsh-speaking children, in English and in Welsh (the *ti*
form; a Welsh speaker should still read it): beside their Welsh review texts, their words, and
the decisions their age bands may have. The rest is in ``for_the_child``."""

from __future__ import annotations

# The Welsh-speaking children: professional (Welsh, for a boy) -> (English, Welsh) for them.
FOR_WELSH_CHILD: dict[str, tuple[str, str]] = {
    "Mae wedi setlo'n dda gyda Nain a Thaid ac mae'n mwynhau'r ysgol.": (
        "You are settled with Nain and Taid, and you enjoy school.",
        "Rwyt ti wedi setlo'n dda gyda Nain a Thaid, ac rwyt ti'n mwynhau'r ysgol.",
    ),
    "Mae'n mynd i'r ysgol bob dydd ac mae'n gwneud ffrindiau newydd.": (
        "You go to school every day and you are making new friends.",
        "Rwyt ti'n mynd i'r ysgol bob dydd ac rwyt ti'n gwneud ffrindiau newydd.",
    ),
    "Mae'n mwynhau nofio a chanu yn y côr.": (
        "You enjoy swimming and singing in the choir.",
        "Rwyt ti'n mwynhau nofio a chanu yn y côr.",
    ),
    "Mae'n poeni am Mam ac mae'n cysgu'n wael weithiau.": (
        "You worry about Mam, and sometimes you sleep badly.",
        "Rwyt ti'n poeni am Mam, ac weithiau rwyt ti'n cysgu'n wael.",
    ),
    "Mae'r cyswllt gyda Dad wedi stopio ers mis.": (
        "You have not seen Dad for a month.",
        "Dwyt ti ddim wedi gweld Dad ers mis.",
    ),
    "Does dim gweithiwr cymdeithasol sy'n siarad Cymraeg ar hyn o bryd.": (
        "Your social worker does not speak Welsh at the moment.",
        "Dydy dy weithiwr cymdeithasol ddim yn siarad Cymraeg ar hyn o bryd.",
    ),
    "Mae'n hapus yn byw gyda Mam-gu ac mae'n iach.": (
        "You are happy and well living with Mam-gu.",
        "Rwyt ti'n hapus ac yn iach yn byw gyda Mam-gu.",
    ),
    "Mae'r cyswllt gyda Mam yn mynd yn dda bob pythefnos.": (
        "You see Mam every two weeks, and it goes well.",
        "Rwyt ti'n gweld Mam bob pythefnos, ac mae'n mynd yn dda.",
    ),
    "Mae'n darllen yn dda iawn yn Gymraeg ac yn Saesneg.": (
        "You read very well in Welsh and in English.",
        "Rwyt ti'n darllen yn dda iawn yn Gymraeg ac yn Saesneg.",
    ),
    "Mae angen cynllun ar gyfer symud i'r ysgol uwchradd.": (
        "We need a plan for your move to big school.",
        "Mae angen cynllun ar gyfer dy symud di i'r ysgol uwchradd.",
    ),
    "Mae Mam-gu yn flinedig ac mae angen mwy o gefnogaeth arni.": (
        "Mam-gu is tired and needs more help.",
        "Mae Mam-gu wedi blino ac mae angen mwy o help arni.",
    ),
    "Mae'n poeni am ei frawd bach.": (
        "You worry about your little brother.",
        "Rwyt ti'n poeni am dy frawd bach.",
    ),
    "Mae wedi setlo gyda'r gofalwyr maeth ac mae'n mynd i'r ysgol bob dydd.": (
        "You are settled with {carer}, and you go to school every day.",
        "Rwyt ti wedi setlo gyda {carer}, ac rwyt ti'n mynd i'r ysgol bob dydd.",
    ),
    "Mae'n mwynhau'r clwb ffermwyr ifanc ac mae ganddo ffrindiau da.": (
        "You enjoy the young farmers' club, and you have good friends.",
        "Rwyt ti'n mwynhau'r clwb ffermwyr ifanc, ac mae gen ti ffrindiau da.",
    ),
    "Mae'n iach ac yn hapus yn y cartref.": (
        "You are well and happy at home.",
        "Rwyt ti'n iach ac yn hapus yn y cartref.",
    ),
    "Mae'r cyswllt yn cael ei ganslo yn aml.": (
        "Your family visits are often cancelled.",
        "Mae dy amser gyda'r teulu yn cael ei ganslo yn aml.",
    ),
    "Mae'n bell o'i deulu ac o'i hen ysgol.": (
        "You live a long way from your family and your old school.",
        "Rwyt ti'n byw yn bell o dy deulu ac o dy hen ysgol.",
    ),
    "Mae angen help gyda gwaith cartref mathemateg.": (
        "You need help with maths homework.",
        "Mae angen help arnat ti gyda gwaith cartref mathemateg.",
    ),
}
# What the Welsh-speaking children said -> the IRO's answer (English, Welsh).
REPLIES_WELSH: dict[str, tuple[str, str]] = {
    "Dw i'n hoffi byw gyda Nain. Dw i eisiau mynd i'r clwb pêl-droed.": (
        "Nain will find a football club for you.",
        "Bydd Nain yn chwilio am glwb pêl-droed i ti.",
    ),
    "Dw i'n hapus yn yr ysgol. Dw i'n colli Mam weithiau.": (
        "It is all right to miss Mam. {worker} will plan your time with her.",
        "Mae'n iawn i ti golli Mam. Bydd {worker} yn trefnu dy amser gyda hi.",
    ),
    "Dw i'n hoffi chwarae pêl-droed gyda Thaid.": (
        "That sounds like fun. Keep playing with Taid!",
        "Mae hynny'n swnio'n hwyl. Dal ati i chwarae gyda Thaid!",
    ),
    "Dw i'n hoffi byw gyda Mam-gu. Dw i eisiau mynd i'r clwb pêl-droed.": (
        "Mam-gu will find a football club for you.",
        "Bydd Mam-gu yn chwilio am glwb pêl-droed i ti.",
    ),
    "Dw i eisiau gweld fy mrawd yn amlach.": (
        "I asked {worker} to plan more time with your brother.",
        "Gofynnais i {worker} drefnu mwy o amser gyda dy frawd.",
    ),
    "Dw i'n hoffi fy ysgol. Dw i ddim eisiau symud.": (
        "I heard you. Nobody plans to move your school.",
        "Clywais i ti. Does neb yn bwriadu symud dy ysgol.",
    ),
    "Dw i'n hoffi fy ystafell newydd. Mae'r ci yn ffrind i fi.": (
        "I am glad you like your room and the dog.",
        "Dw i'n falch dy fod di'n hoffi dy ystafell a'r ci.",
    ),
    "Dw i ddim yn hoffi pan mae'r cyswllt yn cael ei ganslo.": (
        "I understand. {worker} will tell you early if a visit cannot happen.",
        "Dw i'n deall. Bydd {worker} yn dweud wrthot ti'n gynnar os na all ymweliad ddigwydd.",
    ),
    "Dw i eisiau aros yma. Dw i'n hapus.": (
        "The plan is for you to stay here.",
        "Y cynllun yw i ti aros yma.",
    ),
}
# The decisions the Welsh-speaking children may have (their age bands' banks), in Welsh.
DECISIONS_WELSH: dict[str, str] = {
    "Update the care plan to show the plan for long-term fostering": (
        "Bydd {worker} yn ysgrifennu y cei di aros gyda {carer} wrth i ti dyfu."
    ),
    "Review the Personal Education Plan with the designated teacher": (
        "Bydd dy athro yn edrych ar dy gynllun ysgol gyda ti."
    ),
    "Arrange the annual health assessment": "Byddi di'n cael dy archwiliad iechyd blynyddol.",
    "Arrange sibling contact at least once a month": (
        "Byddi di'n gweld dy frodyr a dy chwiorydd o leiaf unwaith y mis."
    ),
    "Refer to CAMHS and chase the appointment date": (
        "Bydd {worker} yn gofyn am ddyddiad i ti siarad â rhywun am dy deimladau."
    ),
    "Start life story work": "Bydd {worker} yn dechrau gwneud llyfr am dy fywyd gyda ti.",
    "Book a dental check-up": "Bydd {carer} yn trefnu i ti weld y deintydd.",
    "Refer for an independent visitor": (
        "Bydd {worker} yn dod o hyd i ffrind sy'n oedolyn i ymweld â ti."
    ),
    "Complete a return home interview after any missing episode and share it": (
        "Os byddi di allan dros nos, bydd rhywun yn siarad gyda ti pan fyddi di'n ôl."
    ),
    "Hold a strategy meeting about exploitation concerns": (
        "Bydd yr oedolion yn cwrdd i gynllunio sut i dy gadw di'n ddiogel."
    ),
    "Review the Personal Education Plan and agree tuition in maths": (
        "Byddi di'n cael help ychwanegol gyda mathemateg."
    ),
    "Find a sports club or activity of their choice and pay the fees": (
        "Bydd {worker} yn talu am glwb neu weithgaredd o dy ddewis di."
    ),
    "Agree the phone and going-out rules with the young person and carers": (
        "Byddi di a {carer} yn cytuno ar y rheolau am dy ffôn a mynd allan."
    ),
}
