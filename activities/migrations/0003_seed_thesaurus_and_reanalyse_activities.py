"""Ships the starting thesaurus (activities/data/thesaurus.txt) and re-reads every activity with the new analysis."""

from django.db import migrations


def forwards(apps, schema_editor):
    from activities import checks, text

    ThesaurusEntry = apps.get_model("activities", "ThesaurusEntry")
    Activity = apps.get_model("activities", "Activity")
    if not ThesaurusEntry.objects.exists():
        ThesaurusEntry.objects.bulk_create(ThesaurusEntry(terms=terms, weak=weak) for terms, weak in text.read_seed_thesaurus())
    analyzer = checks.default_analyzer()
    batch = []
    for activity in Activity.objects.only("title", "description", "topics", "counterparts", "target_groups").iterator(chunk_size=2000):
        activity.match_keys = checks.match_keys(
            title=activity.title, description=activity.description, topics=activity.topics,
            counterparts=activity.counterparts, target_groups=activity.target_groups, analyzer=analyzer,
        )
        activity.needs_check = True
        batch.append(activity)
        if len(batch) >= 2000:
            Activity.objects.bulk_update(batch, ["match_keys", "needs_check"])
            batch = []
    if batch:
        Activity.objects.bulk_update(batch, ["match_keys", "needs_check"])


class Migration(migrations.Migration):
    dependencies = [("activities", "0002_overlap_score_thesaurus_and_term_statistics")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
