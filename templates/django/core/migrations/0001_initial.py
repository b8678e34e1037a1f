from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="LoginAttempts",
            fields=[
                ("key", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("attempts", models.IntegerField()),
                ("window_start", models.FloatField()),
            ],
            options={
                "verbose_name_plural": "login attempts",
                "db_table": "login_attempts",
            },
        ),
    ]
