"""Director contacts, action items and month records now belong to the coordination app.

State only: the tables stay where they are, and coordination.0001 takes them over (db_table).
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('governance', '0001_initial'),
        ('coordination', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='ActionItem'),
                migrations.DeleteModel(name='HistoricalActionItem'),
                migrations.DeleteModel(name='HistoricalDirectorContact_participants'),
                migrations.DeleteModel(name='HistoricalDirectorContact_task_areas'),
                migrations.DeleteModel(name='HistoricalDirectorContact'),
                migrations.DeleteModel(name='DirectorContact'),
                migrations.DeleteModel(name='MonthRecord'),
            ],
            database_operations=[],
        ),
    ]
