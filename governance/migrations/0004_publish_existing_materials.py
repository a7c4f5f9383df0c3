"""Materials uploaded before the board pack had drafts were seen by their readers at once: they are published."""

from django.db import migrations
from django.db.models import F


def publish_existing(apps, schema_editor):
    Material = apps.get_model("governance", "Material")
    MaterialEvent = apps.get_model("governance", "MaterialEvent")
    Material.objects.filter(state="draft").update(
        state="published", published_at=F("created_at"), changed_at=F("created_at")
    )
    events = []
    for material in Material.objects.filter(current__isnull=False).select_related("current").iterator(chunk_size=500):
        # What readers last got is the newest version (uploaded after the material was made).
        if material.current.uploaded_at > material.changed_at:
            Material.objects.filter(pk=material.pk).update(changed_at=material.current.uploaded_at)
        events.append(
            MaterialEvent(material=material, kind="published", version=material.current, by_id=material.current.uploaded_by_id, at=material.created_at)
        )
    MaterialEvent.objects.bulk_create(events, batch_size=500)


def unpublish(apps, schema_editor):
    apps.get_model("governance", "MaterialEvent").objects.all().delete()
    apps.get_model("governance", "Material").objects.update(state="draft", published_at=None, changed_at=None)


class Migration(migrations.Migration):
    dependencies = [("governance", "0003_board_pack")]

    operations = [migrations.RunPython(publish_existing, unpublish)]
