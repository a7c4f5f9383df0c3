"""What member companies and the public see (§1 P1): each organisation's services and public contact, member profiles."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from activities.models import Visibility


class OrganisationContact(models.Model):
    """A party's public front door (§4: members must know whom to contact): the address the members pages give."""

    organisation = models.OneToOneField(
        "agreement.Organisation", on_delete=models.CASCADE, related_name="public_contact", verbose_name=_("organisation")
    )
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("public contact")
        verbose_name_plural = _("public contacts")

    def __str__(self):
        return f"{self.organisation.short_name}: {self.email}"


class Service(models.Model):
    """A service ("ydelse") a party offers its members (§1 P1), placed on the Appendix 1 matrix row it belongs to."""

    organisation = models.ForeignKey(
        "agreement.Organisation", on_delete=models.PROTECT, related_name="services", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("short description"), max_length=1000)
    for_whom = models.CharField(_("for whom"), max_length=300, blank=True, help_text=_("E.g. SMEs; knowledge institutions."))
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    matrix_row = models.ForeignKey(
        "agreement.MatrixRow", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("responsibility (matrix row)"),
    )
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["organisation__slug", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="service_name_unique_per_party",
                                    violation_error_message=_("This organisation already has a service of that name.")),
            models.CheckConstraint(condition=~Q(name=""), name="service_has_name"),
        ]

    def __str__(self):
        return self.name


class MemberProfile(models.Model):
    """A member company's person with a login (§1 P1): which company they are from; their organisations are `member` roles."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile")
    company = models.CharField(_("company"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return f"{self.user} ({self.company})"
