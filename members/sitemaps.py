"""sitemap.xml: the public members pages and every public activity (what an anonymous visitor sees, nothing more)."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import selectors


class MembersPagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["members:index", "members:activities", "members:services", "members:contact"]

    def location(self, item):
        return reverse(item)


class PublicActivitySitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return selectors.activity_rows(user=AnonymousUser())

    def location(self, row):
        return reverse("members:activity", args=[row.id])

    def lastmod(self, row):
        return row.updated_at


SITEMAPS = {"pages": MembersPagesSitemap, "activities": PublicActivitySitemap}
