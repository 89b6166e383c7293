using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Exports;
using Helpdesk.Domain.Penalties;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Indicators;

/// <summary>
/// One streaming pass over the ticket history: <see cref="Add"/> each ticket (any order, any month), then
/// <see cref="Result"/>. Populations (docs/indicators.md): indicators 4, 7, SCM3, SCM14 and the management figures by
/// receipt in the month; 2 and 5 by (last) resolution in the month; 3 by rating in the month. Tickets received on an
/// atypical day are left out of every indicator (seed 003 4.1) but stay in volumes and backlog.
/// </summary>
public sealed class TicketIndicatorCalculator
{
    private readonly TicketIndicatorSettings _settings;
    private readonly ZonedMonth _window;
    private readonly ZonedMonth[] _comparison;
    private readonly MeasurementBuilder _deadlines = new(IndicatorUnit.Percent);
    private readonly MeasurementBuilder _satisfaction = new(IndicatorUnit.Percent);
    private readonly MeasurementBuilder _registration = new(IndicatorUnit.Percent);
    private readonly MeasurementBuilder _activities = new(IndicatorUnit.Percent);
    private readonly MeasurementBuilder _firstContact = new(IndicatorUnit.Percent);
    private readonly MeasurementBuilder _reopened = new(IndicatorUnit.Percent);
    private readonly MeasurementBuilder _replies = new(IndicatorUnit.Percent);
    private readonly MeasurementBuilder _firstResponse = new(IndicatorUnit.Seconds);
    private readonly MeasurementBuilder _betweenReplies = new(IndicatorUnit.Seconds);
    private readonly MeasurementBuilder _surveyResponse = new(IndicatorUnit.Percent);
    private readonly List<LateActivity> _late = [];
    private readonly List<string> _repliedLate = [];
    private readonly List<string> _openFromEarlier = [];
    private readonly Breakdown _volumes = new();
    private readonly Breakdown _backlog = new();
    private readonly VolumeHistory _history;
    private readonly LocalDays _days;
    private int _excludedAtypical;

    public TicketIndicatorCalculator(TicketIndicatorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _window = ZonedMonth.Of(settings.Month, settings.Zone);
        _days = new LocalDays(settings.Zone, settings.Month.AddMonths(-13).FirstDay, settings.Month.AddMonths(2).FirstDay);
        _history = new VolumeHistory(settings.TrendMonths);
        _comparison = new ZonedMonth[settings.TrendMonths + 1];
        _comparison[0] = ZonedMonth.Of(settings.Month.AddMonths(-12), settings.Zone);
        for (var k = 1; k <= settings.TrendMonths; k++)
        {
            _comparison[k] = ZonedMonth.Of(settings.Month.AddMonths(-k), settings.Zone);
        }
    }

    public void Add(ExportedTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var facts = TicketFacts.Of(ticket, _window.End);
        var received = ticket.ReceivedAt;
        if (received >= _window.End)
        {
            return;
        }

        if (!_window.Contains(received))
        {
            CountComparison(ticket);
            if (facts.OpenAtEnd)
            {
                AddBacklog(ticket);
            }

            if (ticket.Kind is TicketKind.Request or TicketKind.Information && !facts.Cancelled
                && (facts.FirstAnswerAt is null || facts.FirstAnswerAt >= _window.End))
            {
                _openFromEarlier.Add(ticket.Protocol); // SCM14: still unanswered requests from earlier months
            }

            if (!IsAtypical(received))
            {
                AddResolutionAndRating(ticket, facts);
            }

            return;
        }

        AddVolumes(ticket);
        if (facts.OpenAtEnd)
        {
            AddBacklog(ticket);
        }

        if (IsAtypical(received))
        {
            _excludedAtypical++;
            return;
        }

        var protocol = ticket.Protocol;
        if (ticket.Channel != ExportedChannel.Phone)
        {
            _registration.Count(protocol, ticket.RegisteredAt - received <= TimeSpan.FromMinutes(_settings.RegistrationMinutes));
        }

        if (!facts.Cancelled)
        {
            _firstContact.Count(protocol, facts.ResolvedAt is not null && facts.ResolvedAtFirstContact);
        }

        if (ticket.Kind == TicketKind.Complaint)
        {
            _reopened.Count(protocol, facts.Reopened);
        }

        if (ticket.Kind is TicketKind.Request or TicketKind.Information && !facts.Cancelled)
        {
            // Counted as the SLA clocks count (the contract's BusinessDayCountStart): day 1 follows from the instant of receipt.
            var deadline = _settings.Calendar.NthBusinessDay(received, _settings.ReplyBusinessDays);
            var answeredDay = facts.FirstAnswerAt is { } answered ? _days.DateOf(answered) : (DateOnly?)null;
            _replies.Count(protocol, answeredDay <= deadline);
            if (answeredDay is { } day && _settings.Calendar.BusinessDaysThrough(received, day) > _settings.ReplyLateBusinessDays)
            {
                _repliedLate.Add(protocol);
            }
        }

        if (facts.FirstReplyAt is { } firstReply)
        {
            _firstResponse.AddDuration(protocol, firstReply - received, 1);
        }

        if (facts.ReplyGaps > 0)
        {
            _betweenReplies.AddDuration(protocol, facts.ReplyGapTime, facts.ReplyGaps);
        }

        AddResolutionAndRating(ticket, facts);
    }

    public TicketFigures Result()
    {
        var indicators = new Dictionary<IndicatorFormula, Measurement>
        {
            [IndicatorFormula.DeadlinesMet] = _deadlines.Build(),
            [IndicatorFormula.Satisfaction] = _satisfaction.Build(),
            [IndicatorFormula.RegisteredWithinMinutes] = _registration.Build(),
            [IndicatorFormula.ActivityLateness] = _activities.Build(),
            [IndicatorFormula.FirstContactResolution] = _firstContact.Build(),
            [IndicatorFormula.ReopenedComplaints] = _reopened.Build(),
            [IndicatorFormula.RepliesWithinBusinessDays] = _replies.Build(),
        };
        var management = new ManagementFigures(_firstResponse.Build(), _betweenReplies.Build(), _surveyResponse.Build(), _volumes, _backlog, _repliedLate, _openFromEarlier);
        return new TicketFigures(indicators, _late, management, _history, _excludedAtypical);
    }

    private void AddResolutionAndRating(ExportedTicket ticket, TicketFacts facts)
    {
        var protocol = ticket.Protocol;
        if (facts.ResolvedAt is { } resolved && _window.Contains(resolved) && !facts.Cancelled)
        {
            _surveyResponse.Count(protocol, facts.RatedAt is not null);
            if (ticket.ResolutionDueAt is { } due)
            {
                _deadlines.Count(protocol, resolved <= due);
                if (ticket.ActivityValue is { } value)
                {
                    var hoursLate = (decimal)(resolved - due).TotalHours;
                    _activities.Count(protocol, hoursLate <= 0m);
                    if (hoursLate > 0m)
                    {
                        _late.Add(new LateActivity(protocol, Money.Brl(value), hoursLate));
                    }
                }
            }
        }

        if (facts.RatedAt is { } rated && _window.Contains(rated))
        {
            _satisfaction.Count(protocol, facts.Score >= _settings.SatisfiedScore);
        }
    }

    private bool IsAtypical(DateTimeOffset instant) =>
        _settings.AtypicalDays.Count > 0 && _settings.AtypicalDays.Contains(_days.DateOf(instant));

    private void AddVolumes(ExportedTicket t)
    {
        _volumes.CountTicket();
        AddDimensions(_volumes, t);
    }

    private void AddBacklog(ExportedTicket t)
    {
        _backlog.CountTicket();
        AddDimensions(_backlog, t);
    }

    private static void AddDimensions(Breakdown breakdown, ExportedTicket t)
    {
        breakdown.Add(Dimension.Level, LevelNames.Of(t.Level), t.Protocol);
        breakdown.Add(Dimension.Group, t.Group, t.Protocol);
        breakdown.Add(Dimension.Category, t.Category, t.Protocol);
        breakdown.Add(Dimension.Channel, ChannelNames.Of(t.Channel), t.Protocol);
        breakdown.Add(Dimension.Institution, t.Institution, t.Protocol);
        breakdown.Add(Dimension.Uf, t.Uf, t.Protocol);
    }

    private void CountComparison(ExportedTicket t)
    {
        for (var slot = 0; slot < _comparison.Length; slot++)
        {
            if (_comparison[slot].Contains(t.ReceivedAt))
            {
                foreach (var (dimension, value) in DimensionsOf(t))
                {
                    _history.Add(dimension, value, slot);
                }
            }
        }
    }

    private static (Dimension, string)[] DimensionsOf(ExportedTicket t) =>
    [
        (Dimension.Level, LevelNames.Of(t.Level)),
        (Dimension.Group, t.Group),
        (Dimension.Category, t.Category),
        (Dimension.Channel, ChannelNames.Of(t.Channel)),
        (Dimension.Institution, t.Institution),
        (Dimension.Uf, t.Uf),
    ];
}
