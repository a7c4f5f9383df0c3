"""Agreement.loaded_at: when the agreement was loaded into the portal (the monthly-contact rule starts there).

Existing rows get the best known first day of the portal: the earliest account's date_joined
(the demo users and the first administrator are made when the agreement is loaded), or the
moment of migrating when there is none.
"""

import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def set_existing(apps, schema_editor):
    Agreement = apps.get_model("agreement", "Agreement")
    app_label, model_name = settings.AUTH_USER_MODEL.split(".")
    User = apps.get_model(app_label, model_name)
    first = User.objects.order_by("date_joined").values_list("date_joined", flat=True).first()
    if first is not None:
        Agreement.objects.filter(loaded_at__gt=first).update(loaded_at=first)


class Migration(migrations.Migration):

    dependencies = [
        ("agreement", "0002_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="agreement",
            name="loaded_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, editable=False, verbose_name="loaded into the portal at"
            ),
        ),
        migrations.RunPython(set_existing, migrations.RunPython.noop),
    ]
