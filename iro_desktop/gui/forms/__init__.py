"""The recording forms: one module per form, all built on ``base.RecordForm``.

``FORMS`` maps each form's kind (kept with its draft) to its class.
"""

from __future__ import annotations

from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.booking_form import BookingForm
from iro_desktop.gui.forms.challenge_form import ChallengeForm
from iro_desktop.gui.forms.challenge_step_form import (
    CafcassForm,
    EscalateForm,
    ResolveForm,
    ResponseForm,
)
from iro_desktop.gui.forms.child_form import EditChildForm, NewChildForm
from iro_desktop.gui.forms.circulated_form import CirculatedForm
from iro_desktop.gui.forms.consultation_form import ConsultationForm
from iro_desktop.gui.forms.contact_form import ContactForm
from iro_desktop.gui.forms.decision_step_form import (
    CarryDecisionForm,
    DecisionStepForm,
    DropDecisionForm,
)
from iro_desktop.gui.forms.episode_form import EpisodeForm
from iro_desktop.gui.forms.meeting_form import MeetingForm
from iro_desktop.gui.forms.midpoint_form import MidpointForm
from iro_desktop.gui.forms.review_form import ReviewForm

FORMS: dict[str, type[RecordForm]] = {
    cls.KIND: cls
    for cls in (
        NewChildForm,
        EditChildForm,
        EpisodeForm,
        BookingForm,
        ConsultationForm,
        MeetingForm,
        ContactForm,
        ReviewForm,
        CirculatedForm,
        MidpointForm,
        ChallengeForm,
        EscalateForm,
        ResponseForm,
        CafcassForm,
        ResolveForm,
        DecisionStepForm,
        CarryDecisionForm,
        DropDecisionForm,
    )
}
# Forms about no particular child (every other form opens on one child's record).
WITHOUT_CHILD = frozenset({NewChildForm.KIND})
