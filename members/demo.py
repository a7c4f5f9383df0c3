"""Demo data for the members pages: published activities of both parties, their services and public contacts."""

from django.utils import timezone

from activities.models import Activity, PlanStatus, Visibility
from activities.services import partners, plans
from agreement.models import MatrixRow, Organisation

from . import services
from .models import OrganisationContact, Service

# Demo activity title → (visibility, place, sign-up link); the titles are activities.demo's.
PUBLISHED = {
    "Innovationsmatchmaking for SMV'er og videninstitutioner": (Visibility.PUBLIC, "CenSec, Odense", "https://censec.example/tilmeld/matchmaking"),
    "EDF-konsortiedag: find partnere til Den Europæiske Forsvarsfond": (Visibility.PUBLIC, "Industriens Hus, København", "https://censec.example/tilmeld/edf"),
    "Kompetenceforløb: klar til industrisamarbejde": (Visibility.MEMBERS, "Aarhus", ""),
    "Klyngens årsmøde": (Visibility.MEMBERS, "Odense Congress Center", "https://censec.example/tilmeld/aarsmoede"),
    "Erhvervsfremstød til Eurosatory i Paris": (Visibility.PUBLIC, "Paris Nord Villepinte", "https://di.example/eurosatory"),
    "Industridag om F-35-partnerskabet": (Visibility.PUBLIC, "Industriens Hus, København", "https://di.example/f35"),
    "Medlemsmøde: eksportkontrol i praksis": (Visibility.MEMBERS, "Industriens Hus, København", ""),
}

# Joint activities: the other party organises them too (shown once, with both organisers).
JOINT = {"Industridag om F-35-partnerskabet": "censec"}

CONTACTS = {
    "censec": ("kontakt@censec.example", "+45 70 00 00 01", "https://censec.example"),
    "difos": ("fos@di.example", "+45 33 77 33 77", "https://di.example/forsvar"),
}

# (party, name, description, for whom, contact name, contact email, matrix row, visibility)
SERVICES = [
    ("censec", "Innovationsmatchmaking", "Vi finder partnere blandt virksomheder og videninstitutioner til jeres udviklingsprojekt.",
     "SMV'er; videninstitutioner", "Birgitte Nørgaard", "matchmaking@censec.example", "2.1", Visibility.PUBLIC),
    ("censec", "EDF-rådgivning", "Hjælp til at finde konsortiepartnere og søge Den Europæiske Forsvarsfond.",
     "SMV'er", "Birgitte Nørgaard", "edf@censec.example", "1.8", Visibility.PUBLIC),
    ("censec", "Klar til industrisamarbejde", "Kompetenceforløb, der gør SMV'er klar til industrisamarbejde.",
     "SMV'er", "", "", "3.8", Visibility.MEMBERS),
    ("difos", "Eksportfremme og messer", "Fællesstande og erhvervsfremstød på internationale forsvarsmesser.",
     "Medlemsvirksomheder", "Søren Friis", "eksport@di.example", "3.2", Visibility.PUBLIC),
    ("difos", "Eksportkontrol-rådgivning", "Vejledning om eksportkontrol og tilladelser.",
     "Medlemsvirksomheder", "Søren Friis", "eksportkontrol@di.example", "1.3", Visibility.MEMBERS),
    ("difos", "Industrisamarbejde", "Vi matcher danske virksomheder med udenlandske leverandører med industrisamarbejdsforpligtelser.",
     "Store virksomheder; SMV'er", "Søren Friis", "industrisamarbejde@di.example", "3.7", Visibility.PUBLIC),
]


def seed(*, users: dict) -> dict:
    """Publish the chosen activities of this year's and next year's plans (and submit those plans), add services and contacts."""
    orgs = {o.slug: o for o in Organisation.objects.filter(kind=Organisation.Kind.PARTY)}
    rows = {r.code: r for r in MatrixRow.objects.all()}
    this_year = timezone.localdate().year
    for activity in Activity.objects.select_related("plan__organisation").filter(title__in=PUBLISHED, plan__year__in=[this_year, this_year + 1]):
        visibility, place, signup = PUBLISHED[activity.title]
        if activity.visibility != visibility:
            user = users[f"{activity.plan.organisation.slug}-secretariat"]
            partner = orgs.get(JOINT.get(activity.title, ""), activity.partner)
            plans.activity_update(user=user, activity=activity, version=activity.version,
                                  visibility=visibility, place=place, signup_url=signup, partner=partner)
            if partner and not activity.partner_confirmed_at:  # the partner party confirms the joint activity
                partners.partner_confirm(user=users[f"{partner.slug}-director"], activity=activity)
    for slug, org in orgs.items():
        for plan in org.plans.filter(year__in=[this_year, this_year + 1], status=PlanStatus.DRAFT):
            plans.plan_submit(user=users[f"{slug}-secretariat"], plan=plan)
        email, phone, website = CONTACTS[slug]
        OrganisationContact.objects.get_or_create(organisation=org, defaults={"email": email, "phone": phone, "website": website})
    for slug, name, description, for_whom, contact, email, row, visibility in SERVICES:
        if not Service.objects.filter(organisation=orgs[slug], name=name).exists():
            services.service_create(
                user=users[f"{slug}-secretariat"], organisation=orgs[slug], name=name, description=description, for_whom=for_whom,
                contact_name=contact, contact_email=email, matrix_row=rows.get(row), visibility=visibility,
            )
    return {"services": Service.objects.count()}
