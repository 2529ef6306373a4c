"""factory_boy factories with literal geometries in Iraq and Syria."""
import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.gis.geos import Point

from incidents import models


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"editor{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")
    is_staff = True


class SuperUserFactory(UserFactory):
    is_superuser = True


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Location
        django_get_or_create = ["slug"]

    slug = "iq"
    name_en = "Iraq"
    name_ar = "العراق"
    kind = models.LocationKind.COUNTRY
    country_code = "IQ"
    point = Point(43.68, 33.22, srid=4326)
    geo_precision = models.GeoPrecision.REGION


class GovernorateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Location
        django_get_or_create = ["slug"]

    slug = "iq-baghdad"
    name_en = "Baghdad"
    name_ar = "بغداد"
    kind = models.LocationKind.GOVERNORATE
    parent = factory.SubFactory(CountryFactory)
    country_code = "IQ"
    point = Point(44.40, 33.33, srid=4326)
    geo_precision = models.GeoPrecision.REGION


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Location

    slug = factory.Sequence(lambda n: f"site-{n}")
    name_en = factory.Sequence(lambda n: f"Site {n}")
    name_ar = factory.Sequence(lambda n: f"موقع {n}")
    kind = models.LocationKind.MILITARY_BASE
    parent = factory.SubFactory(GovernorateFactory)
    country_code = "IQ"
    point = Point(44.3954, 33.2982, srid=4326)
    geo_precision = models.GeoPrecision.EXACT


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Actor

    slug = factory.Sequence(lambda n: f"actor-{n}")
    name_en = factory.Sequence(lambda n: f"Armed group {n}")
    name_ar = factory.Sequence(lambda n: f"جماعة مسلحة {n}")
    kind = models.ActorKind.ARMED_GROUP
    country_code = "IQ"


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Source

    title = factory.Sequence(lambda n: f"Rockets hit base, report {n}")
    publisher = "Example Wire"
    url = factory.Sequence(lambda n: f"https://news.example.org/{n}")
    language = models.Language.ENGLISH
    published = datetime.date(2023, 12, 9)
    text = factory.Sequence(lambda n: f"Report {n}: two rockets struck the base yesterday, a security source said.")


class IncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Incident

    title = factory.Sequence(lambda n: f"Rocket attack {n}")
    title_ar = factory.Sequence(lambda n: f"هجوم صاروخي {n}")
    date_start = datetime.date(2023, 12, 8)
    date_end = factory.SelfAttribute("date_start")
    event_type = "Explosions/Remote violence"
    sub_event_type = "Shelling/artillery/missile attack"
    weapon = models.Weapon.ROCKET
    outcome = models.Outcome.UNKNOWN
    location = factory.SubFactory(LocationFactory)
    point = factory.SelfAttribute("location.point")
    geo_precision = factory.SelfAttribute("location.geo_precision")
    status = models.Status.PUBLISHED


class IncidentActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.IncidentActor

    incident = factory.SubFactory(IncidentFactory)
    actor = factory.SubFactory(ActorFactory)
    role = models.ActorRole.PERPETRATOR


class IncidentSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.IncidentSource

    incident = factory.SubFactory(IncidentFactory)
    source = factory.SubFactory(SourceFactory)
    excerpt = factory.LazyAttribute(lambda link: link.source.text[:40])
    start_offset = 0
    end_offset = 40


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Statement

    source = factory.SubFactory(SourceFactory)
    speaker_description = "a security source"
    kind = models.StatementKind.REPORT
    text = factory.LazyAttribute(lambda statement: statement.source.text)
    language = factory.LazyAttribute(lambda statement: statement.source.language)
    date = datetime.date(2023, 12, 9)
